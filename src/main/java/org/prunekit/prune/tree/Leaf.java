package org.prunekit.prune.tree;

/** A terminal node. */
public record Leaf(double[] counts, double weight, double impurity) implements Node {
    public Leaf {
        counts = counts.clone();
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }
}
