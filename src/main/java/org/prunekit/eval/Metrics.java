package org.prunekit.eval;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

// STAND-IN: replaced at merge by the metrics helper's version
/**
 * Metric functions on class indices and class-probability matrices. Stand-in with accuracy, balanced accuracy,
 * average precision (binary; macro one-vs-rest for multi-class) and log loss; other metrics throw.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * @param positive  index of the positive class (binary), ignored for multi-class
     * @param threshold probability of {@code positive} at or above which a row is predicted positive (binary); NaN
     *                  for argmax with ties to the lowest class index
     */
    public static double compute(Metric m, int[] y, double[][] probs, int positive, double threshold) {
        int k = probs.length == 0 ? 0 : probs[0].length;
        return switch (m) {
            case ACCURACY -> {
                int[] pred = predict(probs, positive, threshold);
                int ok = 0;
                for (int i = 0; i < y.length; i++) {
                    ok += pred[i] == y[i] ? 1 : 0;
                }
                yield y.length == 0 ? 0 : (double) ok / y.length;
            }
            case BALANCED_ACCURACY -> {
                int[] pred = predict(probs, positive, threshold);
                double sum = 0;
                int present = 0;
                for (int c = 0; c < k; c++) {
                    int n = 0;
                    int ok = 0;
                    for (int i = 0; i < y.length; i++) {
                        if (y[i] == c) {
                            n++;
                            ok += pred[i] == c ? 1 : 0;
                        }
                    }
                    if (n > 0) {
                        sum += (double) ok / n;
                        present++;
                    }
                }
                yield present == 0 ? 0 : sum / present;
            }
            case AVERAGE_PRECISION -> {
                if (k == 2) {
                    yield ap(y, probs, positive < 0 ? 1 : positive);
                }
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += ap(y, probs, c);
                }
                yield s / k;
            }
            case LOG_LOSS -> {
                double s = 0;
                for (int i = 0; i < y.length; i++) {
                    s -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, probs[i][y[i]])));
                }
                yield s / y.length;
            }
            default -> throw new UnsupportedOperationException("STAND-IN: metric " + m.configName() + " arrives with the metrics module");
        };
    }

    public static Map<Metric, Double> computeAll(Collection<Metric> metrics, int[] y, double[][] probs, int positive, double threshold) {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        for (Metric m : metrics) {
            out.put(m, compute(m, y, probs, positive, threshold));
        }
        return out;
    }

    private static int[] predict(double[][] probs, int positive, double threshold) {
        int[] pred = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            if (!Double.isNaN(threshold) && probs[i].length == 2 && positive >= 0) {
                pred[i] = probs[i][positive] >= threshold ? positive : 1 - positive;
                continue;
            }
            int best = 0;
            for (int c = 1; c < probs[i].length; c++) {
                if (probs[i][c] > probs[i][best]) {
                    best = c;
                }
            }
            pred[i] = best;
        }
        return pred;
    }

    /** Average precision of class {@code c} one-vs-rest (scikit-learn's step-wise definition). */
    private static double ap(int[] y, double[][] probs, int c) {
        int n = y.length;
        Integer[] order = new Integer[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            pos += y[i] == c ? 1 : 0;
        }
        if (pos == 0) {
            return 0;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(probs[b][c], probs[a][c]));
        double ap = 0;
        int tp = 0;
        int seen = 0;
        double prevRecall = 0;
        for (int i = 0; i < n; i++) {
            seen++;
            tp += y[order[i]] == c ? 1 : 0;
            if (i == n - 1 || probs[order[i + 1]][c] != probs[order[i]][c]) {
                double recall = (double) tp / pos;
                ap += (recall - prevRecall) * ((double) tp / seen);
                prevRecall = recall;
            }
        }
        return ap;
    }
}
