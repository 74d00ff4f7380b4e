package org.prunekit.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A k × k confusion matrix, {@code counts[true][predicted]} (scikit-learn's orientation), with the one-vs-rest
 * per-class figures derived from it. For class c: TP = counts[c][c], FN = row sum − TP, FP = column sum − TP,
 * TN = total − TP − FN − FP. Every 0/0 is reported as 0 (scikit-learn {@code zero_division=0}).
 *
 * @param counts row = true class, column = predicted class; copied in and out
 */
public record ConfusionMatrix(long[][] counts) {

    public ConfusionMatrix {
        int k = counts.length;
        long[][] copy = new long[k][];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("confusion matrix must be square but row " + i + " has "
                        + counts[i].length + " entries for " + k + " classes");
            }
            copy[i] = counts[i].clone();
            for (long c : copy[i]) {
                if (c < 0) {
                    throw new IllegalArgumentException("negative count " + c + " in row " + i);
                }
            }
        }
        counts = copy;
    }

    /** Counts pairs {@code (y[i], predicted[i])}, class indices in {@code [0, classes)}. */
    public static ConfusionMatrix of(int[] y, int[] predicted, int classes) {
        if (y.length != predicted.length) {
            throw new IllegalArgumentException(y.length + " labels but " + predicted.length + " predictions");
        }
        long[][] c = new long[classes][classes];
        for (int i = 0; i < y.length; i++) {
            c[checkClass(y[i], classes, i)][checkClass(predicted[i], classes, i)]++;
        }
        return new ConfusionMatrix(c);
    }

    private static int checkClass(int c, int classes, int row) {
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException(
                    "class index " + c + " at row " + row + " is outside [0, " + classes + ")");
        }
        return c;
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    public int classes() {
        return counts.length;
    }

    public long total() {
        long s = 0;
        for (long[] row : counts) {
            for (long c : row) {
                s += c;
            }
        }
        return s;
    }

    /** Number of rows whose true class is {@code c} (TP + FN). */
    public long support(int c) {
        long s = 0;
        for (long v : counts[c]) {
            s += v;
        }
        return s;
    }

    /** Number of rows predicted as {@code c} (TP + FP). */
    public long predicted(int c) {
        long s = 0;
        for (long[] row : counts) {
            s += row[c];
        }
        return s;
    }

    public long truePositives(int c) {
        return counts[c][c];
    }

    public long falsePositives(int c) {
        return predicted(c) - counts[c][c];
    }

    public long falseNegatives(int c) {
        return support(c) - counts[c][c];
    }

    public long trueNegatives(int c) {
        return total() - support(c) - predicted(c) + counts[c][c];
    }

    /** Number of rows on the diagonal. */
    public long correct() {
        long s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += counts[c][c];
        }
        return s;
    }

    /** TP / (TP + FP); 0 when nothing is predicted as {@code c}. */
    public double precision(int c) {
        return ratio(truePositives(c), predicted(c));
    }

    /** TP / (TP + FN) (sensitivity); 0 when the support is 0. */
    public double recall(int c) {
        return ratio(truePositives(c), support(c));
    }

    /** 2PR / (P + R); 0 when P + R = 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** TN / (TN + FP); 0 when TN + FP = 0. */
    public double specificity(int c) {
        long tn = trueNegatives(c);
        return ratio(tn, tn + falsePositives(c));
    }

    /**
     * Whether class {@code c} occurs among the true or the predicted labels. Macro averages run over these classes
     * only, as scikit-learn does with {@code labels=None}.
     */
    public boolean present(int c) {
        return support(c) > 0 || predicted(c) > 0;
    }

    /** The per-class figures, in class order. */
    public List<ClassStats> perClass() {
        List<ClassStats> out = new ArrayList<>(counts.length);
        for (int c = 0; c < counts.length; c++) {
            out.add(new ClassStats(precision(c), recall(c), f1(c), specificity(c), support(c)));
        }
        return List.copyOf(out);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }

    /** One-vs-rest figures of one class. */
    public record ClassStats(double precision, double recall, double f1, double specificity, long support) {}
}
