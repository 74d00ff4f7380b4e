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
        // one loop per method: C2 compiles each loop on its own (on-stack replacement) instead of compiling this
        // method again, with everything it calls inlined, for each loop that gets hot (docs/results.md)
        Ranks ranks = Ranks.of(tree);
        RowRuns runs = RowRuns.of(ranks.rank, leafOfRow, tree.size());
        Collapses collapses = Collapses.of(tree, firstCollapsed, candidates);
        int last = candidates - 1;
        while (last >= 0 && !wanted[last]) {
            last--;
        }
        step(nodeProbs, leafProbs(nodeProbs, leafOfRow), ranks, runs, collapses, last, wanted, sink);
    }

    /** Candidates 0..last: each from the previous one by overwriting the runs of the nodes that collapse at it. */
    private static void step(
            double[][] nodeProbs,
            double[][] probs,
            Ranks ranks,
            RowRuns runs,
            Collapses collapses,
            int last,
            boolean[] wanted,
            CandidateScores sink) {
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
            for (int j = collapses.count[c]; j < collapses.count[c + 1]; j++) {
                int v = collapses.byCandidate[j];
                runs.overwrite(probs, nodeProbs[v], ranks.rank[v], ranks.end[v]);
            }
            if (wanted[c]) {
                sink.accept(c, probs);
                handedOut = true;
            }
        }
    }

    /** Each row's probabilities in the full tree (its leaf's). */
    private static double[][] leafProbs(double[][] nodeProbs, int[] leafOfRow) {
        double[][] probs = new double[leafOfRow.length][];
        for (int i = 0; i < leafOfRow.length; i++) {
            probs[i] = nodeProbs[leafOfRow[i]];
        }
        return probs;
    }

    /** Depth-first ranks of the nodes: the subtree of {@code v} holds ranks {@code [rank[v], end[v])}. */
    private record Ranks(int[] rank, int[] end) {
        static Ranks of(FlatTree tree) {
            int n = tree.size();
            int[] rank = new int[n];
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
            return new Ranks(rank, ends(tree, rank));
        }

        private static int[] ends(FlatTree tree, int[] rank) {
            int[] end = new int[rank.length];
            for (int v = rank.length - 1; v >= 0; v--) {
                end[v] = tree.isLeaf(v) ? rank[v] + 1 : Math.max(end[tree.left[v]], end[tree.right[v]]);
            }
            return end;
        }
    }

    /**
     * Rows sorted by the rank of their leaf (counting sort): {@code order[start[r] .. start[r + 1])} are the rows whose
     * leaf has rank {@code r}, so the rows below a node are one run.
     */
    private record RowRuns(int[] start, int[] order) {
        static RowRuns of(int[] rank, int[] leafOfRow, int n) {
            int[] start = new int[n + 1];
            for (int leaf : leafOfRow) {
                start[rank[leaf] + 1]++;
            }
            for (int r = 0; r < n; r++) {
                start[r + 1] += start[r];
            }
            return new RowRuns(start, order(start, rank, leafOfRow));
        }

        private static int[] order(int[] start, int[] rank, int[] leafOfRow) {
            int[] fill = Arrays.copyOf(start, start.length - 1);
            int[] order = new int[leafOfRow.length];
            for (int i = 0; i < leafOfRow.length; i++) {
                order[fill[rank[leafOfRow[i]]]++] = i;
            }
            return order;
        }

        /** Sets the rows of ranks {@code [from, to)} to {@code p}. */
        void overwrite(double[][] probs, double[] p, int from, int to) {
            for (int pos = start[from], stop = start[to]; pos < stop; pos++) {
                probs[order[pos]] = p;
            }
        }
    }

    /** The nodes that become leaves at each candidate, topmost only (their runs are disjoint), by candidate. */
    private record Collapses(int[] count, int[] byCandidate) {
        static Collapses of(FlatTree tree, int[] firstCollapsed, int candidates) {
            int n = tree.size();
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
            return new Collapses(count, byCandidate);
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
