package org.prunekit.prune.ensemble;

/**
 * What a selection objective scores margins against: the class column of each row and its weight.
 *
 * @param y       class index per row, in the model's margin-column order (for a single-column binary model
 *                0 or 1, 1 being the class whose log-odds the margin is)
 * @param weights non-negative weight per row (example weights; all 1 when unweighted)
 * @param classes number of classes (2 for a single-column binary model)
 */
public record Targets(int[] y, double[] weights, int classes) {
    public Targets {
        y = y.clone();
        weights = weights.clone();
        if (y.length != weights.length) {
            throw new IllegalArgumentException(y.length + " labels but " + weights.length + " weights");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(
                        "label " + y[i] + " of row " + i + " is not in [0, " + classes + ")");
            }
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weight of row " + i + " is " + weights[i]);
            }
        }
    }

    public int rows() {
        return y.length;
    }

    @Override
    public int[] y() {
        return y.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    int label(int i) {
        return y[i];
    }

    double weight(int i) {
        return weights[i];
    }

    double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }
}
