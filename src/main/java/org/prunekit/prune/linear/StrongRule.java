package org.prunekit.prune.linear;

/**
 * The strong set of the sequential strong rules (Tibshirani et al., "Strong rules for discarding predictors in
 * lasso-type problems", JRSS B 74(2), 2012): a feature enters when its gradient magnitude {@code |∇_j|} exceeds a
 * threshold, {@code a(2λ_k − λ_{k−1})} when screening at a new λ, {@code aλ} in the KKT check after convergence.
 */
final class StrongRule {

    /**
     * Relative slack of the strong-rule and KKT comparisons {@code |∇_j| > λa}: keeps a feature whose gradient equals
     * the threshold up to rounding (as at λ = λ_max) out of the model, so that λ ≥ λ_max gives exactly zero.
     */
    static final double SLACK = 1 + 1e-12;

    private StrongRule() {}

    /**
     * Adds to {@code strong} every usable feature outside it with {@code ga[j] > threshold · SLACK}.
     *
     * @return whether any feature was added
     */
    static boolean add(boolean[] strong, boolean[] usable, double[] ga, double threshold) {
        boolean added = false;
        for (int k = 0; k < strong.length; k++) {
            if (!strong[k] && usable[k] && ga[k] > threshold * SLACK) {
                strong[k] = true;
                added = true;
            }
        }
        return added;
    }
}
