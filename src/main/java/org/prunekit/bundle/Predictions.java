package org.prunekit.bundle;

import java.util.List;

/**
 * What a bundle predicts for a set of rows.
 *
 * @param classes       class labels, the column order of {@code probabilities}
 * @param rows          data-row number (0-based, file order) of each prediction
 * @param predicted     predicted label of each row (the bundle's threshold applied)
 * @param probabilities class probabilities of each row
 * @param skipped       bad rows skipped under the {@code skip} policy
 */
public record Predictions(List<String> classes, int[] rows, String[] predicted, double[][] probabilities, int skipped) {

    public Predictions {
        classes = List.copyOf(classes);
        rows = rows.clone();
        predicted = predicted.clone();
        probabilities = probabilities.clone();
        if (rows.length != predicted.length || rows.length != probabilities.length) {
            throw new IllegalArgumentException("rows, labels and probabilities differ in length");
        }
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public String[] predicted() {
        return predicted.clone();
    }

    /** Probabilities of row {@code i} (a copy). */
    public double[] probabilities(int i) {
        return probabilities[i].clone();
    }

    @Override
    public double[][] probabilities() {
        double[][] out = new double[probabilities.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i].clone();
        }
        return out;
    }

    public int size() {
        return rows.length;
    }
}
