package org.prunekit.prune.linear;

/**
 * Penalised logistic regression paths by pathwise coordinate descent, reproducing glmnet's binomial and
 * (ungrouped) multinomial fits: Friedman, Hastie &amp; Tibshirani (2010), "Regularization Paths for Generalized
 * Linear Models via Coordinate Descent", JSS 33(1); strong rules from Tibshirani et al. (2012), JRSS-B 74(2).
 *
 * <p>Objective (binomial; multinomial analogous):
 * <pre>  min_{β0, β}  −(1/W) Σ_i w_i [y_i η_i − log(1 + e^{η_i})] + λ [(1−a)/2 ‖β‖₂² + a ‖β‖₁],   η_i = β0 + x̃_iᵀβ</pre>
 * with x̃ standardised by the weighted mean and 1/N standard deviation; coefficients are returned on the original
 * scale. A single λ is a path of length one.
 */
public final class LogisticPathSolver {

    private LogisticPathSolver() {
    }

    /** The path over glmnet's automatic λ sequence (λ_max down to {@code lambdaMinRatio · λ_max}). */
    public static LogisticPath fit(Problem problem, LogisticPathOptions options) {
        return dispatch(problem, options, null);
    }

    /** The path over an explicit decreasing λ sequence, with warm starts. */
    public static LogisticPath fit(Problem problem, LogisticPathOptions options, double[] lambdas) {
        LambdaSequence.checkExplicit(lambdas);
        return dispatch(problem, options, lambdas.clone());
    }

    /** The fit at one λ (a path of length one). */
    public static Coefficients fitAt(Problem problem, LogisticPathOptions options, double lambda) {
        return fit(problem, options, new double[] {lambda}).at(0);
    }

    private static LogisticPath dispatch(Problem problem, LogisticPathOptions options, double[] lambdas) {
        return problem.classes() == 2
                ? BinomialFit.fit(problem, options, lambdas)
                : MultinomialFit.fit(problem, options, lambdas);
    }
}
