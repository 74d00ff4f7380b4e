package org.prunekit.eval;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Threshold-free binary ranking metrics of one score column: the rows are reduced to their distinct scores (one
 * threshold each; -0.0 and 0.0 are one score) with the count of positives and negatives at each, then walked from the
 * top. Scores that take few values (a tree's: one per leaf) are counted in a hash table, O(n + d log d) for d distinct
 * scores; otherwise the positives' and negatives' scores are sorted and merged, O(n log n). With TP_i, FP_i the
 * counts of positives and negatives scoring at least the i-th largest distinct score, P and N the totals:
 * <ul>
 *   <li>ROC-AUC = Σ_i (FP_i − FP_{i−1}) (TP_i + TP_{i−1}) / (2 P N), the trapezoidal area under the ROC curve whose
 *       points are the distinct thresholds, so a tie between a positive and a negative counts ½ (equal to the
 *       Mann–Whitney statistic with mid-ranks). The sum is kept in exact integer arithmetic.</li>
 *   <li>average precision = Σ_i (R_i − R_{i−1}) P_i with R_i = TP_i / P and P_i = TP_i / (TP_i + FP_i), R_0 = 0
 *       (scikit-learn's step-wise definition, neither interpolated nor trapezoidal).</li>
 *   <li>PR-AUC = Σ_i (R_i − R_{i−1}) (P_i + P_{i−1}) / 2 with (R_0, P_0) = (0, 1), over the thresholds down to the
 *       first one reaching full recall: the trapezoidal area under scikit-learn's {@code precision_recall_curve},
 *       i.e. {@code auc(recall, precision)}. It exceeds average precision where the curve is not flat.</li>
 * </ul>
 * Both are undefined (NaN) without positives or without negatives.
 */
final class Ranking {

    /** Which area {@link #area} computes. */
    enum Area {
        ROC,
        AP,
        PR
    }

    /** Distinct scores at most this share of the rows (and at least 16) are counted by hashing, not sorting. */
    private static final int HASHED_SHARE = 8;

    /** A score looked for further than this from its hash slot gives the counting up (see {@link #hashed}). */
    private static final int MAX_PROBES = 64;

    private final long[] posAt; // positives at each distinct score, ascending
    private final long[] negAt; // negatives at each distinct score, ascending
    private final long positives;
    private final long negatives;

    private Ranking(long[] posAt, long[] negAt, long positives, long negatives) {
        this.posAt = posAt;
        this.negAt = negAt;
        this.positives = positives;
        this.negatives = negatives;
    }

    /** Positives are the rows with {@code y[i] == positive}; scores are {@code probs[i][column]} (not NaN). */
    static Ranking of(int[] y, double[][] probs, int positive, int column) {
        Ranking r = hashed(y, probs, positive, column, Math.max(16, y.length / HASHED_SHARE));
        return r != null ? r : sorted(y, probs, positive, column);
    }

    /**
     * The counts by hashing (open addressing, linear probing, the table grown to stay at most half full), or null when
     * there are more than {@code limit} distinct scores or one probe sequence grows longer than {@link #MAX_PROBES}.
     */
    static Ranking hashed(int[] y, double[][] probs, int positive, int column, int limit) {
        ScoreTable t = new ScoreTable(64);
        long p = 0;
        for (int i = 0; i < y.length; i++) {
            boolean isPositive = y[i] == positive;
            // -0.0 + 0.0 is 0.0: one threshold, as == groups them
            if (!t.count(probs[i][column] + 0.0, isPositive) || t.distinct > limit) {
                return null;
            }
            if (isPositive) {
                p++;
            }
        }
        int[] order = t.slotsByScore();
        long[] posAt = new long[order.length];
        long[] negAt = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            posAt[i] = t.pos[order[i]];
            negAt[i] = t.neg[order[i]];
        }
        return new Ranking(posAt, negAt, p, y.length - p);
    }

    /** Positives and negatives per distinct score, by open addressing. */
    private static final class ScoreTable {
        double[] key;
        boolean[] used;
        long[] pos;
        long[] neg;
        int distinct;

        ScoreTable(int capacity) {
            key = new double[capacity];
            used = new boolean[capacity];
            pos = new long[capacity];
            neg = new long[capacity];
        }

        /** Counts one row; false when its probe sequence is too long. */
        boolean count(double s, boolean positive) {
            int at = slot(s);
            if (at < 0) {
                return false;
            }
            if (!used[at]) {
                if (2 * (distinct + 1) > key.length) {
                    return grow() && count(s, positive);
                }
                used[at] = true;
                key[at] = s;
                distinct++;
            }
            if (positive) {
                pos[at]++;
            } else {
                neg[at]++;
            }
            return true;
        }

        /** The slot holding {@code s} or the free slot where it goes; -1 after {@link #MAX_PROBES} probes. */
        private int slot(double s) {
            int mask = key.length - 1;
            long bits = Double.doubleToLongBits(s);
            int h = (int) (bits ^ (bits >>> 29) ^ (bits >>> 41)) * 0x9E3779B9;
            int at = (h ^ (h >>> 16)) & mask;
            for (int probes = 0; used[at] && key[at] != s; probes++) {
                if (probes == MAX_PROBES) {
                    return -1;
                }
                at = (at + 1) & mask;
            }
            return at;
        }

        /** Doubles the table; false when a score's probe sequence is too long there (then the rows are sorted). */
        private boolean grow() {
            double[] k = key;
            boolean[] u = used;
            long[] ps = pos;
            long[] ng = neg;
            key = new double[2 * k.length];
            used = new boolean[2 * k.length];
            pos = new long[2 * k.length];
            neg = new long[2 * k.length];
            for (int i = 0; i < k.length; i++) {
                if (u[i]) {
                    int at = slot(k[i]);
                    if (at < 0) {
                        return false;
                    }
                    used[at] = true;
                    key[at] = k[i];
                    pos[at] = ps[i];
                    neg[at] = ng[i];
                }
            }
            return true;
        }

        /** The occupied slots, by ascending score. */
        int[] slotsByScore() {
            return IntStream.range(0, key.length)
                    .filter(i -> used[i])
                    .boxed()
                    .sorted((a, b) -> Double.compare(key[a], key[b]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    /** The counts by sorting the positives' and the negatives' scores and merging them. */
    static Ranking sorted(int[] y, double[][] probs, int positive, int column) {
        int p = 0;
        for (int c : y) {
            if (c == positive) {
                p++;
            }
        }
        double[] pos = new double[p];
        double[] neg = new double[y.length - p];
        int a = 0;
        int b = 0;
        for (int i = 0; i < y.length; i++) {
            double s = probs[i][column];
            if (y[i] == positive) {
                pos[a++] = s;
            } else {
                neg[b++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        long[] posAt = new long[pos.length + neg.length];
        long[] negAt = new long[pos.length + neg.length];
        int d = 0;
        int i = 0;
        int j = 0;
        while (i < pos.length || j < neg.length) {
            double v = Math.min(
                    i < pos.length ? pos[i] : Double.POSITIVE_INFINITY,
                    j < neg.length ? neg[j] : Double.POSITIVE_INFINITY);
            while (i < pos.length && pos[i] == v) {
                posAt[d]++;
                i++;
            }
            while (j < neg.length && neg[j] == v) {
                negAt[d]++;
                j++;
            }
            d++;
        }
        return new Ranking(Arrays.copyOf(posAt, d), Arrays.copyOf(negAt, d), pos.length, neg.length);
    }

    double area(Area a) {
        return switch (a) {
            case ROC -> rocAuc();
            case AP -> averagePrecision();
            case PR -> prAuc();
        };
    }

    double prAuc() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double area = 0;
        double r0 = 0;
        double p0 = 1;
        for (Thresholds t = new Thresholds(); t.next() && t.tp0 < positives; ) {
            double r = (double) t.tp / positives;
            double p = (double) t.tp / (t.tp + t.fp);
            area += (r - r0) * (p + p0) / 2;
            r0 = r;
            p0 = p;
        }
        return area;
    }

    double rocAuc() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        long twiceArea = 0;
        for (Thresholds t = new Thresholds(); t.next(); ) {
            twiceArea += (t.fp - t.fp0) * (t.tp + t.tp0);
        }
        return twiceArea / (2.0 * positives * (double) negatives);
    }

    double averagePrecision() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        for (Thresholds t = new Thresholds(); t.next() && t.tp0 < positives; ) {
            if (t.tp > t.tp0) {
                ap += ((double) (t.tp - t.tp0) / positives) * ((double) t.tp / (t.tp + t.fp));
            }
        }
        return ap;
    }

    /**
     * The distinct scores from the largest down: after each {@link #next}, {@code tp}, {@code fp} count the positives
     * and negatives scoring at least the current score, {@code tp0}, {@code fp0} those scoring above it.
     */
    private final class Thresholds {
        private int k = posAt.length - 1;
        long tp;
        long fp;
        long tp0;
        long fp0;

        boolean next() {
            if (k < 0) {
                return false;
            }
            tp0 = tp;
            fp0 = fp;
            tp += posAt[k];
            fp += negAt[k];
            k--;
            return true;
        }
    }
}
