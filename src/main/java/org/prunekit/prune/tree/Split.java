package org.prunekit.prune.tree;

import java.util.Objects;

/**
 * An internal node: rows with {@code x[feature] <= threshold} go {@code left}, the others {@code right}.
 *
 * @param feature   feature index (Tribuo feature id, or column of the reference matrix)
 * @param threshold split value
 */
public record Split(
        int feature, double threshold, Node left, Node right, double[] counts, double weight, double impurity)
        implements Node {
    public Split {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        counts = counts.clone();
        if (feature < 0) {
            throw new IllegalArgumentException("split feature must be >= 0 but was " + feature);
        }
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }
}
