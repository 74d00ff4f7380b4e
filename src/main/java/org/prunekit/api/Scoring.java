package org.prunekit.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a path's candidates are scored and one is chosen: the config's {@code select:} block as a record.
 *
 * @param metric     metric the candidates are scored by, by its config name ({@code average-precision},
 *                   {@code balanced-accuracy}, {@code mcc}, {@code roc-auc}, {@code log-loss}, ...)
 * @param rule       {@code best} (the best mean score), {@code one-se} (the most pruned candidate whose mean is
 *                   within one standard error of the best, as rpart's and glmnet's 1-SE rule) or {@code budget}
 *                   (the best candidate with at most {@code maxNonZero} non-zero parameters)
 * @param maxNonZero the size limit of rule {@code budget}; 0 for the other rules
 * @param positive   the positive class of binary metrics; {@code null} takes the second class in sorted order, as
 *                   the CLI does when {@code data.positive} is absent
 */
public record Scoring(String metric, String rule, long maxNonZero, String positive) {

    /** Checks the values with the CLI's own rules and messages ({@link IllegalArgumentException}). */
    public Scoring {
        ConfigBlock.checkSelect(select(metric, rule, maxNonZero));
    }

    /** Average precision (macro for multi-class), rule {@code one-se}: the CLI's defaults. */
    public static Scoring defaults() {
        return new Scoring("average-precision", "one-se", 0, null);
    }

    /** This scoring with another metric. */
    public Scoring withMetric(String newMetric) {
        return new Scoring(newMetric, rule, maxNonZero, positive);
    }

    /** This scoring with rule {@code best} or {@code one-se}. */
    public Scoring withRule(String newRule) {
        return new Scoring(metric, newRule, newRule.equals("budget") ? maxNonZero : 0, positive);
    }

    /** Rule {@code budget}: the best candidate with at most {@code limit} non-zero parameters. */
    public Scoring withBudget(long limit) {
        return new Scoring(metric, "budget", limit, positive);
    }

    /** This scoring with another positive class for binary metrics. */
    public Scoring withPositive(String label) {
        return new Scoring(metric, rule, maxNonZero, label);
    }

    private static Map<String, Object> select(String metric, String rule, long maxNonZero) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric);
        m.put("rule", rule);
        if (maxNonZero != 0) {
            m.put("max-nonzero", maxNonZero);
        }
        return m;
    }
}
