package org.prunekit.prune.tree;

/**
 * A binary classification tree as plain data: every node carries the weighted class counts of the training rows that
 * reach it, their total weight and the node's impurity. A row goes to {@link Split#left()} iff
 * {@code x[feature] <= threshold}. No rendering or prediction code lives here.
 */
public sealed interface Node permits Split, Leaf {

    /** Weighted class counts, one per class in the tree's class order (a copy). */
    double[] counts();

    /** Sum of the weights of the training rows reaching the node (= sum of {@link #counts()}). */
    double weight();

    /** Impurity of the node (Gini, entropy or misclassification rate of its counts). */
    double impurity();

    /** Number of leaves below (and including) this node. */
    default int leafCount() {
        return this instanceof Split s ? s.left().leafCount() + s.right().leafCount() : 1;
    }

    /** Number of nodes below (and including) this node. */
    default int nodeCount() {
        return this instanceof Split s ? 1 + s.left().nodeCount() + s.right().nodeCount() : 1;
    }

    /** Depth of the subtree (a leaf has depth 0). */
    default int depth() {
        return this instanceof Split s
                ? 1 + Math.max(s.left().depth(), s.right().depth())
                : 0;
    }
}
