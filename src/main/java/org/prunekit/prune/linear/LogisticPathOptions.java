package org.prunekit.prune.linear;

/**
 * Settings of a penalised logistic regularisation path, with glmnet's meaning and defaults (Friedman, Hastie &amp;
 * Tibshirani 2010). The path always runs the full {@code nlambda} values (glmnet with {@code fdev = 0}); it stops
 * early only when the deviance ratio exceeds 0.999 (glmnet's {@code devmax}).
 *
 * @param alpha          elastic-net mixing a in {@code λ[(1−a)/2‖β‖² + a‖β‖₁]}; 1 is the lasso
 * @param standardize    standardise columns (mean, 1/N standard deviation) internally; coefficients are always
 *                       reported on the original scale
 * @param nlambda        number of λ values of an automatic sequence
 * @param lambdaMinRatio smallest λ as a fraction of λ_max; {@code NaN} means glmnet's default (1e-4 if N &gt; p,
 *                       else 1e-2)
 * @param thresh         convergence threshold: a coordinate-descent loop stops when the largest weighted squared
 *                       coefficient change {@code Σ_i v_i x_ij² · Δβ_j²} is below {@code thresh} times the null
 *                       deviance (per observation, halved)
 * @param maxIterations  maximum number of coordinate passes over the whole path (glmnet's {@code maxit})
 */
public record LogisticPathOptions(
        double alpha, boolean standardize, int nlambda, double lambdaMinRatio, double thresh, int maxIterations) {

    public LogisticPathOptions {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1] but was " + alpha);
        }
        if (nlambda < 1) {
            throw new IllegalArgumentException("nlambda must be >= 1 but was " + nlambda);
        }
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambda-min-ratio must be in (0, 1) but was " + lambdaMinRatio);
        }
        if (!(thresh > 0 && thresh < 1)) {
            throw new IllegalArgumentException("thresh must be in (0, 1) but was " + thresh);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max-iterations must be >= 1 but was " + maxIterations);
        }
    }

    /** glmnet's defaults: lasso, standardised, 100 λ, automatic ratio, thresh 1e-7, 100,000 passes. */
    public static LogisticPathOptions defaults() {
        return new LogisticPathOptions(1.0, true, 100, Double.NaN, 1e-7, 100_000);
    }

    public LogisticPathOptions withAlpha(double a) {
        return new LogisticPathOptions(a, standardize, nlambda, lambdaMinRatio, thresh, maxIterations);
    }

    public LogisticPathOptions withStandardize(boolean s) {
        return new LogisticPathOptions(alpha, s, nlambda, lambdaMinRatio, thresh, maxIterations);
    }

    public LogisticPathOptions withLambdas(int count, double ratio) {
        return new LogisticPathOptions(alpha, standardize, count, ratio, thresh, maxIterations);
    }

    public LogisticPathOptions withThresh(double t) {
        return new LogisticPathOptions(alpha, standardize, nlambda, lambdaMinRatio, t, maxIterations);
    }

    public LogisticPathOptions withMaxIterations(int m) {
        return new LogisticPathOptions(alpha, standardize, nlambda, lambdaMinRatio, thresh, m);
    }

    /** The ratio actually used for {@code n} rows and {@code p} features. */
    double effectiveMinRatio(int n, int p) {
        return Double.isNaN(lambdaMinRatio) ? (n > p ? 1e-4 : 1e-2) : lambdaMinRatio;
    }
}
