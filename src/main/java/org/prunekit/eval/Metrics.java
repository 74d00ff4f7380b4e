package org.prunekit.eval;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics from class indices and class probabilities, binary and multi-class, following
 * scikit-learn 1.2 / imbalanced-learn 0.10 with {@code zero_division = 0} (checked against the vectors in
 * {@code src/test/resources/reference/metrics}).
 *
 * <p>Notation: s rows, k classes, C the confusion matrix ({@link ConfusionMatrix}, row = true class), t_c = support
 * (true rows of class c), p_c = rows predicted as c, c* = Σ_c C[c][c] (correct rows). "Present" classes are those with
 * t_c + p_c > 0; macro averages run over them (scikit-learn's {@code labels=None}).
 * <ul>
 *   <li>{@link Metric#ACCURACY}: c* / s.</li>
 *   <li>{@link Metric#BALANCED_ACCURACY}: mean of recall_c = C[c][c] / t_c over classes with t_c > 0.</li>
 *   <li>{@link Metric#MCC}: Gorodkin's R_K (2004), (c*·s − Σ_c p_c t_c) / √((s² − Σ_c p_c²)(s² − Σ_c t_c²)); for
 *       two classes this is (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)). 0 when the denominator is 0.</li>
 *   <li>{@link Metric#COHEN_KAPPA}: (p_o − p_e) / (1 − p_e) with p_o = c* / s, p_e = Σ_c t_c p_c / s², computed as
 *       (c*·s − Σ_c t_c p_c) / (s² − Σ_c t_c p_c) in integers; 0 when the denominator is 0 (scikit-learn: NaN).</li>
 *   <li>{@link Metric#MACRO_F1}: mean over present classes of F1_c = 2 P_c R_c / (P_c + R_c);
 *       {@link Metric#WEIGHTED_F1}: Σ_c t_c F1_c / s.</li>
 *   <li>{@link Metric#G_MEAN}: imbalanced-learn {@code geometric_mean_score(average='multiclass', correction=0)},
 *       exp(mean over present classes of ln recall_c), 0 as soon as one recall is 0; binary: √(sensitivity ·
 *       specificity).</li>
 *   <li>{@link Metric#RECALL}, {@link Metric#PRECISION}, {@link Metric#SPECIFICITY}: binary: of class
 *       {@code positive}, TP / (TP + FN), TP / (TP + FP), TN / (TN + FP) (0 when the denominator is 0); multi-class:
 *       the unweighted mean of the one-vs-rest values over present classes (scikit-learn's {@code average='macro'}).</li>
 *   <li>{@link Metric#ROC_AUC}, {@link Metric#AVERAGE_PRECISION}, {@link Metric#PR_AUC}: see {@link Ranking}. Binary: positives are the
 *       rows of class {@code positive}, scored by {@code probs[row][positive]}. Multi-class: unweighted mean of the
 *       one-vs-rest value of each class on its own column, over the classes that have both positive and negative
 *       rows (scikit-learn raises an error instead); NaN when no class qualifies.</li>
 *   <li>{@link Metric#LOG_LOSS}: each row clipped to [ε, 1 − ε] with ε = 2⁻⁵² (2.220446049250313e-16), renormalised
 *       to sum 1, then the mean of −ln p[row][y]. Lower is better.</li>
 *   <li>{@link Metric#BRIER}: the multi-class form, mean over rows of Σ_c (p[row][c] − 1[y = c])², in [0, 2]. For two
 *       classes it is twice scikit-learn's {@code brier_score_loss} on the positive column; that value is
 *       {@link #brierBinary}. Lower is better.</li>
 *   <li>{@link Metric#DEVIANCE}: the binomial / multinomial deviance per row as R's {@code cv.glmnet} computes it
 *       ({@code type.measure = "deviance"}): probabilities clamped to [10⁻⁵, 1 − 10⁻⁵], then
 *       −2 · mean of Σ_c 1[y = c] ln p[row][c] (binary: −2 · mean of y ln p + (1 − y) ln(1 − p) on the positive
 *       column). Selecting on it reproduces cv.glmnet's λ choice. Lower is better.</li>
 * </ul>
 * Counting metrics use the predicted class of {@link #predict}: the argmax of the row (ties to the lowest class
 * index) or, for two classes with a threshold, {@code positive} iff {@code probs[row][positive] >= threshold}. The
 * harness always passes a threshold for two classes ({@link #DEFAULT_THRESHOLD} unless the threshold strategy chose
 * one), so a tie at P(pos) = 0.5 goes to the positive class on every dataset.
 * Probability metrics ignore the threshold.
 */
public final class Metrics {

    /** The clipping constant of {@link Metric#LOG_LOSS}: the float64 machine epsilon, scikit-learn's {@code eps='auto'}. */
    public static final double LOG_LOSS_EPS = Math.ulp(1.0);

    /** The clamp of {@link Metric#DEVIANCE}: glmnet's {@code prob_min = 1e-5}. */
    public static final double DEVIANCE_CLAMP = 1e-5;

    /** The binary decision threshold on P(positive) when no strategy chose one. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Metrics() {}

    /**
     * @param y         class index per row (sorted-class order)
     * @param probs     {@code probs[row][class]}, rows summing to 1
     * @param positive  index of the positive class for binary metrics (usually 1)
     * @param threshold binary only: predict {@code positive} iff {@code probs[row][positive] >= threshold}; NaN = argmax
     *                  with ties to the lowest class index
     */
    public static double compute(Metric m, int[] y, double[][] probs, int positive, double threshold) {
        int k = check(y, probs, positive, threshold);
        if (m.needsProbabilities()) {
            return probabilistic(m, y, probs, positive, new Ranking[k]);
        }
        return fromConfusion(m, ConfusionMatrix.of(y, predict(probs, positive, threshold), k), positive);
    }

    /** {@link #compute(Metric, int[], double[][], int, double)} with positive class 1 and the argmax rule. */
    public static double compute(Metric m, int[] y, double[][] probs) {
        return compute(m, y, probs, 1, Double.NaN);
    }

    /** Several metrics at once (predictions and the confusion matrix computed once), in the order given. */
    public static Map<Metric, Double> computeAll(
            Collection<Metric> ms, int[] y, double[][] probs, int positive, double threshold) {
        int k = check(y, probs, positive, threshold);
        ConfusionMatrix cm = null;
        Ranking[] rankings = new Ranking[k];
        Map<Metric, Double> out = new LinkedHashMap<>();
        for (Metric m : ms) {
            if (m.needsProbabilities()) {
                out.put(m, probabilistic(m, y, probs, positive, rankings));
            } else {
                if (cm == null) {
                    cm = ConfusionMatrix.of(y, predict(probs, positive, threshold), k);
                }
                out.put(m, fromConfusion(m, cm, positive));
            }
        }
        return out;
    }

    /** Every metric, the per-class figures and the confusion matrix. */
    public static MetricReport report(List<String> classes, int[] y, double[][] probs, int positive, double threshold) {
        int k = check(y, probs, positive, threshold);
        if (classes.size() != k) {
            throw new IllegalArgumentException(classes.size() + " class names for " + k + " probability columns");
        }
        ConfusionMatrix cm = ConfusionMatrix.of(y, predict(probs, positive, threshold), k);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        Ranking[] rankings = new Ranking[k];
        for (Metric m : Metric.values()) {
            values.put(
                    m,
                    m.needsProbabilities()
                            ? probabilistic(m, y, probs, positive, rankings)
                            : fromConfusion(m, cm, positive));
        }
        double bb = k == 2 ? brierBinaryOf(y, probs, positive) : Double.NaN;
        return new MetricReport(classes, cm, values, bb);
    }

    /**
     * Predicted class per row: for two classes and a non-NaN threshold, {@code positive} iff
     * {@code probs[row][positive] >= threshold}, else the other class; otherwise the argmax, ties to the lowest index.
     */
    public static int[] predict(double[][] probs, int positive, double threshold) {
        int[] out = new int[probs.length];
        if (Double.isNaN(threshold)) {
            for (int i = 0; i < probs.length; i++) {
                out[i] = argmax(probs[i]);
            }
        } else {
            if (probs.length > 0 && probs[0].length != 2) {
                throw new IllegalArgumentException(
                        "a decision threshold needs two classes but there are " + probs[0].length);
            }
            for (int i = 0; i < probs.length; i++) {
                out[i] = probs[i][positive] >= threshold ? positive : 1 - positive;
            }
        }
        return out;
    }

    /** Index of the largest entry, the lowest index on ties. */
    public static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@link #fromConfusion(Metric, ConfusionMatrix, int)} with positive class 1. */
    public static double fromConfusion(Metric m, ConfusionMatrix cm) {
        return fromConfusion(m, cm, 1);
    }

    /**
     * A counting metric (one that does not need probabilities) from a confusion matrix; {@code positive} is the class
     * of the binary one-class metrics (recall, precision, specificity).
     */
    public static double fromConfusion(Metric m, ConfusionMatrix cm, int positive) {
        int k = cm.classes();
        long s = cm.total();
        long[] t = new long[k];
        long[] p = new long[k];
        for (int c = 0; c < k; c++) {
            t[c] = cm.support(c);
            p[c] = cm.predicted(c);
        }
        long correct = cm.correct();
        switch (m) {
            case ACCURACY:
                return s == 0 ? 0.0 : (double) correct / s;
            case BALANCED_ACCURACY: {
                double sum = 0;
                int n = 0;
                for (int c = 0; c < k; c++) {
                    if (t[c] > 0) {
                        sum += cm.recall(c);
                        n++;
                    }
                }
                return n == 0 ? 0.0 : sum / n;
            }
            case MCC: {
                double tp = 0;
                double pp = 0;
                double tt = 0;
                for (int c = 0; c < k; c++) {
                    tp += (double) t[c] * p[c];
                    pp += (double) p[c] * p[c];
                    tt += (double) t[c] * t[c];
                }
                double ss = (double) s * s;
                double den = Math.sqrt((ss - pp) * (ss - tt));
                return den == 0 ? 0.0 : ((double) correct * s - tp) / den;
            }
            case COHEN_KAPPA: {
                double tp = 0;
                for (int c = 0; c < k; c++) {
                    tp += (double) t[c] * p[c];
                }
                double den = (double) s * s - tp;
                return den == 0 ? 0.0 : ((double) correct * s - tp) / den;
            }
            case MACRO_F1: {
                double sum = 0;
                int n = 0;
                for (int c = 0; c < k; c++) {
                    if (cm.present(c)) {
                        sum += cm.f1(c);
                        n++;
                    }
                }
                return n == 0 ? 0.0 : sum / n;
            }
            case WEIGHTED_F1: {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += t[c] * cm.f1(c);
                }
                return s == 0 ? 0.0 : sum / s;
            }
            case G_MEAN: {
                double logSum = 0;
                int n = 0;
                for (int c = 0; c < k; c++) {
                    if (cm.present(c)) {
                        double r = cm.recall(c);
                        if (r == 0) {
                            return 0.0;
                        }
                        logSum += Math.log(r);
                        n++;
                    }
                }
                return n == 0 ? 0.0 : Math.exp(logSum / n);
            }
            case RECALL:
            case PRECISION:
            case SPECIFICITY:
                return oneClass(m, cm, positive);
            default:
                throw new IllegalArgumentException(m.configName() + " needs probabilities, not a confusion matrix");
        }
    }

    /** Recall, precision or specificity of class {@code positive} (binary) or their macro mean over present classes. */
    private static double oneClass(Metric m, ConfusionMatrix cm, int positive) {
        int k = cm.classes();
        if (k == 2) {
            return oneClassValue(m, cm, positive);
        }
        double sum = 0;
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (cm.present(c)) {
                sum += oneClassValue(m, cm, c);
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }

    private static double oneClassValue(Metric m, ConfusionMatrix cm, int c) {
        return switch (m) {
            case RECALL -> cm.recall(c);
            case PRECISION -> cm.precision(c);
            default -> cm.specificity(c);
        };
    }

    /**
     * Deviance per row as cv.glmnet computes it: probabilities clamped to [1e-5, 1 - 1e-5], −2 · mean ln p[row][y]
     * (for two classes both terms of y ln p + (1 − y) ln(1 − p) come from the positive column, as in glmnet).
     */
    public static double deviance(int[] y, double[][] probs, int positive) {
        check(y, probs, positive, Double.NaN);
        return devianceOf(y, probs, positive);
    }

    private static double devianceOf(int[] y, double[][] probs, int positive) {
        double sum = 0;
        boolean binary = probs[0].length == 2;
        for (int i = 0; i < y.length; i++) {
            if (binary) {
                double p = clamp(probs[i][positive]);
                sum += y[i] == positive ? Math.log(p) : Math.log(1 - p);
            } else {
                sum += Math.log(clamp(probs[i][y[i]]));
            }
        }
        return -2 * sum / y.length;
    }

    private static double clamp(double p) {
        return Math.min(Math.max(p, DEVIANCE_CLAMP), 1 - DEVIANCE_CLAMP);
    }

    /** Macro ROC-AUC as defined above (binary: of class {@code positive}). */
    public static double rocAuc(int[] y, double[][] probs, int positive) {
        check(y, probs, positive, Double.NaN);
        return ranking(y, probs, positive, Ranking.Area.ROC, new Ranking[probs[0].length]);
    }

    /** Macro average precision as defined above (binary: of class {@code positive}). */
    public static double averagePrecision(int[] y, double[][] probs, int positive) {
        check(y, probs, positive, Double.NaN);
        return ranking(y, probs, positive, Ranking.Area.AP, new Ranking[probs[0].length]);
    }

    /** Mean of −ln p[row][y] after clipping to [ε, 1 − ε] and renormalising each row. */
    public static double logLoss(int[] y, double[][] probs) {
        check(y, probs, 1, Double.NaN);
        return logLossOf(y, probs);
    }

    private static double logLossOf(int[] y, double[][] probs) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double rowSum = 0;
            for (double v : probs[i]) {
                rowSum += clip(v);
            }
            sum -= Math.log(clip(probs[i][y[i]]) / rowSum);
        }
        return sum / y.length;
    }

    /** Multi-class Brier score: mean over rows of Σ_c (p[row][c] − 1[y = c])². */
    public static double brier(int[] y, double[][] probs) {
        check(y, probs, 1, Double.NaN);
        return brierOf(y, probs);
    }

    private static double brierOf(int[] y, double[][] probs) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            for (int c = 0; c < probs[i].length; c++) {
                double d = probs[i][c] - (y[i] == c ? 1.0 : 0.0);
                sum += d * d;
            }
        }
        return sum / y.length;
    }

    /**
     * scikit-learn's binary {@code brier_score_loss}: mean over rows of (p[row][positive] − 1[y = positive])². For two
     * classes it is half of {@link #brier}.
     */
    public static double brierBinary(int[] y, double[][] probs, int positive) {
        if (check(y, probs, positive, Double.NaN) != 2) {
            throw new IllegalArgumentException("brier_binary needs two classes but there are " + probs[0].length);
        }
        return brierBinaryOf(y, probs, positive);
    }

    private static double brierBinaryOf(int[] y, double[][] probs, int positive) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = probs[i][positive] - (y[i] == positive ? 1.0 : 0.0);
            sum += d * d;
        }
        return sum / y.length;
    }

    private static double clip(double v) {
        return Math.min(Math.max(v, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    }

    private static double probabilistic(Metric m, int[] y, double[][] probs, int positive, Ranking[] rankings) {
        return switch (m) {
            case ROC_AUC -> ranking(y, probs, positive, Ranking.Area.ROC, rankings);
            case AVERAGE_PRECISION -> ranking(y, probs, positive, Ranking.Area.AP, rankings);
            case PR_AUC -> ranking(y, probs, positive, Ranking.Area.PR, rankings);
            case DEVIANCE -> devianceOf(y, probs, positive);
            case LOG_LOSS -> logLossOf(y, probs);
            case BRIER -> brierOf(y, probs);
            default -> throw new IllegalArgumentException(m.configName() + " is a counting metric");
        };
    }

    /** {@code rankings[c]}: the sorted scores of column c, made on first use (shared by AUC and AP). */
    private static double ranking(int[] y, double[][] probs, int positive, Ranking.Area area, Ranking[] rankings) {
        int k = rankings.length;
        if (k == 2) {
            if (rankings[positive] == null) {
                rankings[positive] = Ranking.of(y, probs, positive, positive);
            }
            Ranking r = rankings[positive];
            return r.area(area);
        }
        double sum = 0;
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (rankings[c] == null) {
                rankings[c] = Ranking.of(y, probs, c, c);
            }
            Ranking r = rankings[c];
            double v = r.area(area);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Validates the inputs; returns the number of classes. */
    private static int check(int[] y, double[][] probs, int positive, double threshold) {
        if (y.length == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
        if (y.length != probs.length) {
            throw new IllegalArgumentException(y.length + " labels but " + probs.length + " probability rows");
        }
        int k = probs[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 classes but probability rows have " + k + " columns");
        }
        for (int i = 0; i < y.length; i++) {
            if (probs[i].length != k) {
                throw new IllegalArgumentException(
                        "probability row " + i + " has " + probs[i].length + " columns, row 0 has " + k);
            }
            if (y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException(
                        "class index " + y[i] + " at row " + i + " is outside [0, " + k + ")");
            }
            for (double v : probs[i]) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("probability row " + i + " contains NaN");
                }
            }
        }
        if (k == 2 && (positive < 0 || positive > 1)) {
            throw new IllegalArgumentException("positive class index must be 0 or 1 but was " + positive);
        }
        if (k > 2 && !Double.isNaN(threshold)) {
            throw new IllegalArgumentException("a decision threshold needs two classes but there are " + k);
        }
        return k;
    }
}
