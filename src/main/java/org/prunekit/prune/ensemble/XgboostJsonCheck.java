package org.prunekit.prune.ensemble;

/**
 * Structural checks of XGBoost model JSON, made once where the JSON is read ({@link BoostedTrees#of}) so that every
 * reader (export, bundles, prediction) refuses a damaged or hostile file with one line instead of looping forever
 * or indexing out of range. A tree must be a tree: node 0 is the root; a node is a leaf iff both its children are
 * {@code -1}; every other node has two distinct children in {@code [1, n)}; walking from the root reaches every
 * node exactly once (no cycle, no shared or orphaned node); split features lie in {@code [0, num_feature)}.
 */
public final class XgboostJsonCheck {

    private XgboostJsonCheck() {}

    /**
     * Checks tree {@code index} (for messages).
     *
     * @throws IllegalArgumentException naming the tree and node at fault
     */
    public static void checkTree(int index, int[] left, int[] right, int[] feature, int numFeature) {
        int n = left.length;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n + 1];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        int reached = 1;
        while (top > 0) {
            int i = stack[--top];
            if (left[i] == -1 || right[i] == -1) {
                if (left[i] != right[i]) {
                    throw bad(
                            index,
                            i,
                            "has one child (" + left[i] + ", " + right[i] + "); a leaf has none, a split two");
                }
                continue;
            }
            if (feature[i] < 0 || feature[i] >= numFeature) {
                throw bad(
                        index, i, "splits on feature " + feature[i] + " but the model has " + numFeature + " features");
            }
            for (int c : new int[] {left[i], right[i]}) {
                if (c <= 0 || c >= n) {
                    throw bad(index, i, "has child " + c + " outside the tree's nodes 1.." + (n - 1));
                }
                if (seen[c]) {
                    throw bad(index, i, "leads back to node " + c + ", reached before (a cycle or a shared node)");
                }
                seen[c] = true;
                reached++;
                stack[top++] = c;
            }
        }
        if (reached != n) {
            for (int i = 0; i < n; i++) {
                if (!seen[i]) {
                    throw bad(index, i, "cannot be reached from the root");
                }
            }
        }
    }

    private static IllegalArgumentException bad(int tree, int node, String what) {
        return new IllegalArgumentException("tree " + tree + ", node " + node + " " + what);
    }
}
