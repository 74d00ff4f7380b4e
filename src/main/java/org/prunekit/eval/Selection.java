package org.prunekit.eval;

import java.util.List;

/**
 * Choosing the operating point of a pruning path from inner scores.
 *
 * <ul>
 *   <li>{@code best}: the candidate with the best inner mean.</li>
 *   <li>{@code one-se}: the smallest candidate whose inner mean is within one standard error of the best one's
 *       (SE = sd / sqrt(inner folds) of the best candidate; Breiman et al. 1984, §3.4.3, and glmnet's
 *       {@code lambda.1se}). With a single inner fold there is no standard error and it acts as {@code best}.</li>
 *   <li>{@code budget}: the best candidate with at most {@code limit} non-zero parameters; when none is that small,
 *       the smallest candidate (the result says so).</li>
 * </ul>
 * "Smallest" means fewest non-zero parameters, then the later (more pruned) candidate. Ties in score go to the smaller
 * candidate too. A NaN mean is never chosen unless every mean is NaN (then candidate 0).
 */
public final class Selection {

    /** The rules by config name, in the order the docs list them; the one definition the config binder checks. */
    public static final List<String> RULES = List.of("best", "one-se", "budget");

    /** The chosen index and, when the rule had to bend, why. */
    public record Choice(int index, String note) {}

    private Selection() {}

    /**
     * @param mean           inner mean of the selection metric per candidate (candidate 0 least pruned)
     * @param sd             inner standard deviation (sample, n - 1) per candidate
     * @param folds          number of inner folds the means are over
     * @param nonZero        non-zero parameters per candidate
     * @param higherIsBetter the metric's direction
     */
    public static Choice choose(
            String rule, double[] mean, double[] sd, int folds, long[] nonZero, boolean higherIsBetter, long limit) {
        int n = mean.length;
        if (n == 0 || sd.length != n || nonZero.length != n) {
            throw new IllegalArgumentException("need one mean, sd and size per candidate");
        }
        double sign = higherIsBetter ? 1 : -1;
        switch (rule) {
            case "best" -> {
                return new Choice(best(mean, nonZero, sign, null), null);
            }
            case "one-se" -> {
                int b = best(mean, nonZero, sign, null);
                if (Double.isNaN(mean[b])) {
                    return new Choice(b, null);
                }
                double bar = sign * oneSeThreshold(mean, sd, folds, nonZero, higherIsBetter);
                int pick = b;
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(mean[i]) && sign * mean[i] >= bar && smaller(i, pick, nonZero)) {
                        pick = i;
                    }
                }
                return new Choice(pick, null);
            }
            case "budget" -> {
                boolean[] allowed = new boolean[n];
                boolean any = false;
                for (int i = 0; i < n; i++) {
                    allowed[i] = nonZero[i] <= limit;
                    any |= allowed[i];
                }
                if (any) {
                    return new Choice(best(mean, nonZero, sign, allowed), null);
                }
                int s = 0;
                for (int i = 1; i < n; i++) {
                    if (smaller(i, s, nonZero)) {
                        s = i;
                    }
                }
                return new Choice(
                        s,
                        "no candidate has at most " + limit + " non-zero parameters; the smallest (" + nonZero[s]
                                + ") was chosen");
            }
            default -> throw new IllegalArgumentException(
                    "unknown rule " + rule + " (allowed: " + String.join(", ", RULES) + ")");
        }
    }

    /**
     * The one-standard-error threshold in the metric's units: {@code mean[b] - se[b]} for a higher-is-better metric
     * ({@code + se[b]} for a loss), where {@code b} is the best candidate and {@code se = sd / sqrt(folds)} (0 with one
     * fold). NaN when every mean is NaN.
     */
    public static double oneSeThreshold(double[] mean, double[] sd, int folds, long[] nonZero, boolean higherIsBetter) {
        double sign = higherIsBetter ? 1 : -1;
        int b = best(mean, nonZero, sign, null);
        if (Double.isNaN(mean[b])) {
            return Double.NaN;
        }
        double se = folds > 1 && Double.isFinite(sd[b]) ? sd[b] / Math.sqrt(folds) : 0.0;
        return mean[b] - sign * se;
    }

    private static int best(double[] mean, long[] nonZero, double sign, boolean[] allowed) {
        int b = -1;
        for (int i = 0; i < mean.length; i++) {
            if ((allowed != null && !allowed[i]) || Double.isNaN(mean[i])) {
                continue;
            }
            if (b < 0
                    || sign * mean[i] > sign * mean[b]
                    || (sign * mean[i] == sign * mean[b] && smaller(i, b, nonZero))) {
                b = i;
            }
        }
        if (b >= 0) {
            return b;
        }
        if (allowed != null) {
            for (int i = 0; i < allowed.length; i++) {
                if (allowed[i]) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** Whether candidate i is smaller than j: fewer non-zero parameters, then later in the path. */
    private static boolean smaller(int i, int j, long[] nonZero) {
        return nonZero[i] < nonZero[j] || (nonZero[i] == nonZero[j] && i > j);
    }
}
