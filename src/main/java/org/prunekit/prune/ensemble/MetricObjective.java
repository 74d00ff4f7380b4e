package org.prunekit.prune.ensemble;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Metrics;

/**
 * Any classification {@link Metric} as a selection objective: the margins {@code m + s·c} become a probability row
 * per selection row, which {@link Metrics#compute(Metric, int[], double[][], int, double)} scores with the argmax
 * rule and class index 1 as the positive class (for a single-column binary margin, the class whose log-odds it
 * is). A metric where higher is better is negated, so lower is always better; an undefined value (NaN, e.g. ROC-AUC
 * without a positive row) counts as {@code +∞}, so every candidate ties and the lowest round wins. Like the
 * harness's evaluation the metric is unweighted: rows of weight 0 are left out, other weights are ignored.
 *
 * <p>No gradient and no lower bound: greedy search evaluates every candidate exactly, each evaluation costing
 * O(n·K) plus the metric (O(n log n) for the ranking metrics).
 */
final class MetricObjective implements Objective {

    /** How a row of margins becomes class probabilities. */
    enum Link {
        /** Boosting margins: the sigmoid of a single log-odds column, else the softmax of the row. */
        SOFTMAX,
        /** Sums of member votes or distributions: each divided by the row's total; a row with no votes is uniform. */
        NORMALISE
    }

    private final Metric metric;
    private final Link link;

    MetricObjective(Metric metric, Link link) {
        this.metric = metric;
        this.link = link;
    }

    /** The objective of metric {@code name} ({@link Metric#configName}). */
    static MetricObjective byName(String name, Link link) {
        Metric metric = Metric.byName(name);
        if (metric == null) {
            throw new IllegalArgumentException("unknown objective '" + name + "' (allowed: " + Objective.NAMES + ")");
        }
        return new MetricObjective(metric, link);
    }

    /** {@code first}, then every metric's config name, in that order, without repeats. */
    static Set<String> names(String... first) {
        Set<String> out = new LinkedHashSet<>(List.of(first));
        for (Metric m : Metric.values()) {
            out.add(m.configName());
        }
        return Collections.unmodifiableSet(out);
    }

    @Override
    public String name() {
        return metric.configName();
    }

    @Override
    public double loss(double[] m, float[] c, double s, Targets t) {
        int n = t.rows();
        int k = m.length / n;
        int rows = 0;
        for (int i = 0; i < n; i++) {
            if (t.weight(i) > 0) {
                rows++;
            }
        }
        if (rows == 0) {
            return 0.0;
        }
        int[] y = new int[rows];
        double[][] probs = new double[rows][];
        double[] z = new double[k];
        for (int i = 0, r = 0; i < n; i++) {
            if (t.weight(i) > 0) {
                for (int j = 0; j < k; j++) {
                    z[j] = c == null ? m[k * i + j] : m[k * i + j] + s * c[k * i + j];
                }
                y[r] = t.label(i);
                probs[r++] = probabilities(z);
            }
        }
        double v = Metrics.compute(metric, y, probs, 1, Double.NaN);
        if (Double.isNaN(v)) {
            return Double.POSITIVE_INFINITY;
        }
        return metric.higherIsBetter() ? -v : v;
    }

    private double[] probabilities(double[] z) {
        int k = z.length;
        if (k == 1) {
            double p = LogLoss.sigmoid(z[0]);
            return new double[] {1 - p, p};
        }
        double[] p = new double[k];
        if (link == Link.SOFTMAX) {
            LogLoss.softmax(z, 0, k, p);
            return p;
        }
        double total = 0;
        for (double v : z) {
            total += v;
        }
        for (int j = 0; j < k; j++) {
            p[j] = total > 0 ? z[j] / total : 1.0 / k;
        }
        return p;
    }
}
