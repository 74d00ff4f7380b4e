package org.prunekit.prune.linear;

import java.util.concurrent.atomic.LongAdder;

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

    /** Paths solved in this JVM (diagnostics: how often a study fits a path; tests count fits with it). */
    private static final LongAdder SOLVED = new LongAdder();

    private LogisticPathSolver() {}

    /** Number of paths (of any length) solved in this JVM so far. */
    public static long pathsSolved() {
        return SOLVED.sum();
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

    /**
     * λ_max: the smallest λ at which every coefficient is zero,
     * {@code max_{j,k} |Σ_i w_i x̃_ij (1[y_i = k] − ȳ_k)| / max(a, 1e-3)} with normalised weights.
     */
    public static double lambdaMax(Problem problem, LogisticPathOptions options) {
        Design d = new Design(problem, options.standardize());
        int[] y = problem.yRaw();
        double[] ga = new double[d.p];
        double[] r = new double[d.n];
        int first = problem.classes() == 2 ? 1 : 0;
        for (int c = first; c < problem.classes(); c++) {
            double q0 = 0;
            for (int i = 0; i < d.n; i++) {
                q0 += y[i] == c ? d.w[i] : 0;
            }
            for (int i = 0; i < d.n; i++) {
                r[i] = d.w[i] * ((y[i] == c ? 1.0 : 0.0) - q0);
            }
            d.absGradients(r, ga, null, true);
        }
        return LambdaSequence.lambdaMax(ga, d.usable, options.alpha());
    }

    private static LogisticPath dispatch(Problem problem, LogisticPathOptions options, double[] lambdas) {
        SOLVED.increment();
        return problem.classes() == 2
                ? BinomialFit.fit(problem, options, lambdas)
                : MultinomialFit.fit(problem, options, lambdas);
    }
}
