package org.prunekit.prune.tree;

import java.util.Arrays;
import org.prunekit.spi.PruningPath.CandidateScores;

/**
 * Scores every subtree of a nested path in one pass over the rows.
 *
 * <p>Each row's leaf in the full tree is found once. Candidate {@code c} answers a row with the topmost node on its
 * root-to-leaf path that is not a split of {@code c}; from candidate {@code c - 1} to {@code c} only the rows below
 * the nodes that collapse at {@code c} change. With rows sorted by the depth-first rank of their leaf, the rows below
 * a node are one contiguous run, so candidate {@code c} is the previous answer (an array copy of row references)
 * with those runs overwritten. Total work O(rows · depth + candidates · rows / copy speed), against
 * O(rows · depth · candidates) for one prediction pass per candidate.
 *
 * <p>Probability rows are shared between rows and candidates: the sink must treat them as read-only.
 */
public final class NestedScorer {

    private NestedScorer() {}

    /**
     * @param firstCollapsed per node, the first candidate in which it is not a split (0 at leaves)
     * @param candidates     number of candidates
     * @param nodeProbs      class probabilities a node reports when it is a leaf (may be null for nodes never a leaf)
     * @param leafOfRow      each row's leaf in the full tree
     * @param sink           receives a fresh {@code [row]} array of (shared, read-only) probability rows per
     *                       candidate, in candidate order
     */
    public static void scoreAll(
            FlatTree tree,
            int[] firstCollapsed,
            int candidates,
            double[][] nodeProbs,
            int[] leafOfRow,
            CandidateScores sink) {
        boolean[] all = new boolean[candidates];
        Arrays.fill(all, true);
        scoreSome(tree, firstCollapsed, candidates, nodeProbs, leafOfRow, all, sink);
    }

    /**
     * As {@link #scoreAll}, but only the candidates with {@code wanted[c]} reach the sink. The others are stepped
     * through in place (only the runs that change are overwritten), so a few wanted candidates of a long path cost
     * O(rows · depth + rows · wanted + rows changed) rather than a copy of every row per candidate.
     */
    public static void scoreSome(
            FlatTree tree,
            int[] firstCollapsed,
            int candidates,
            double[][] nodeProbs,
            int[] leafOfRow,
            boolean[] wanted,
            CandidateScores sink) {
        int n = tree.size();
        int rows = leafOfRow.length;
        // depth-first ranks: the subtree of v is ranks [rank[v], end[v])
        int[] rank = new int[n];
        int[] end = new int[n];
        int[] stack = new int[n];
        int sp = 0;
        int next = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int v = stack[--sp];
            rank[v] = next++;
            if (!tree.isLeaf(v)) {
                stack[sp++] = tree.right[v];
                stack[sp++] = tree.left[v];
            }
        }
        for (int v = n - 1; v >= 0; v--) {
            end[v] = tree.isLeaf(v) ? rank[v] + 1 : Math.max(end[tree.left[v]], end[tree.right[v]]);
        }
        // rows sorted by the rank of their leaf (counting sort); start[r] = first position with rank >= r
        int[] start = new int[n + 1];
        for (int leaf : leafOfRow) {
            start[rank[leaf] + 1]++;
        }
        for (int r = 0; r < n; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[fill[rank[leafOfRow[i]]]++] = i;
        }
        // the nodes that become leaves at each candidate (topmost only: their runs are disjoint)
        int[] count = new int[candidates + 1];
        for (int v = 0; v < n; v++) {
            if (collapsesAtOwnCandidate(tree, firstCollapsed, v, candidates)) {
                count[firstCollapsed[v] + 1]++;
            }
        }
        for (int c = 0; c < candidates; c++) {
            count[c + 1] += count[c];
        }
        int[] byCandidate = new int[count[candidates]];
        int[] put = Arrays.copyOf(count, candidates);
        for (int v = 0; v < n; v++) {
            if (collapsesAtOwnCandidate(tree, firstCollapsed, v, candidates)) {
                byCandidate[put[firstCollapsed[v]]++] = v;
            }
        }
        double[][] probs = new double[rows][];
        for (int i = 0; i < rows; i++) {
            probs[i] = nodeProbs[leafOfRow[i]];
        }
        int last = candidates - 1;
        while (last >= 0 && !wanted[last]) {
            last--;
        }
        boolean handedOut = false; // the sink may keep a matrix it was given: copy before changing it
        if (last >= 0 && wanted[0]) {
            sink.accept(0, probs);
            handedOut = true;
        }
        for (int c = 1; c <= last; c++) {
            if (handedOut) {
                probs = probs.clone();
                handedOut = false;
            }
            for (int j = count[c]; j < count[c + 1]; j++) {
                int v = byCandidate[j];
                double[] p = nodeProbs[v];
                for (int pos = start[rank[v]], stop = start[end[v]]; pos < stop; pos++) {
                    probs[order[pos]] = p;
                }
            }
            if (wanted[c]) {
                sink.accept(c, probs);
                handedOut = true;
            }
        }
    }

    /** Whether internal node v turns into a leaf at candidate firstCollapsed[v] (its parent is still a split there). */
    private static boolean collapsesAtOwnCandidate(FlatTree tree, int[] fc, int v, int candidates) {
        if (tree.isLeaf(v) || fc[v] >= candidates) {
            return false;
        }
        int p = tree.parent[v];
        return p < 0 || fc[p] > fc[v];
    }
}
