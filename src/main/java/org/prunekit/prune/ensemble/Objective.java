package org.prunekit.prune.ensemble;

import java.util.Set;
import org.prunekit.eval.Metric;

/**
 * What a greedy strategy minimises on the selection rows, as a function of the margins ({@code n·K}, row-major).
 * One column (K = 1) is a binary log-odds margin; K ≥ 2 columns are softmax margins. Evaluation takes the current
 * margins plus {@code s} times one round's contribution, so trying a round costs O(n·K) and allocates nothing.
 */
public interface Objective {

    /** Config names understood by {@link #byName}: {@code log-loss}, {@code error}, then every {@link Metric}'s. */
    Set<String> NAMES = MetricObjective.names("log-loss", "error");

    String name();

    /** Weighted mean loss of the margins {@code m + s·c} ({@code c == null}: of {@code m}); lower is better. */
    double loss(double[] m, float[] c, double s, Targets t);

    /**
     * Gradient of {@link #loss} at {@code m} when the loss is convex in the margins, else {@code null}. Convexity gives
     * the exact lower bound {@code loss(m + s·c) ≥ loss(m) + s·⟨∇, c⟩}.
     */
    default double[] gradient(double[] m, Targets t) {
        return null;
    }

    /**
     * A cheap, valid lower bound on {@code loss(m + s·c)} for any {@code c}, or {@code null} when the objective has
     * none. Greedy search evaluates rounds exactly only while their bound is below the best loss found, so the
     * bound changes its cost, never its result.
     */
    default LowerBound lowerBound(double[] m, Targets t) {
        return null;
    }

    /** A lower bound on the objective around fixed margins. */
    @FunctionalInterface
    interface LowerBound {
        double at(float[] c, double s);
    }

    /**
     * An objective of boosting margins: {@code log-loss} (the default, with a lower bound), {@code error} (weighted
     * misclassification rate) or any metric's config name ({@link MetricObjective}, on the softmax of the margins).
     */
    static Objective byName(String name) {
        return switch (name) {
            case "log-loss" -> new LogLoss();
            case "error" -> new ErrorRate();
            default -> MetricObjective.byName(name, MetricObjective.Link.SOFTMAX);
        };
    }
}
