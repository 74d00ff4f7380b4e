package org.prunekit.prune.linear;

import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;

/**
 * Settings of a penalised logistic regularisation path, with glmnet's meaning and defaults (Friedman, Hastie &amp;
 * Tibshirani 2010); the keys of family {@code logistic}, declared once in {@link #SCHEMA}. The path always runs the
 * full {@code nlambda} values (glmnet with {@code fdev = 0}); it stops early only when the deviance ratio exceeds
 * 0.999 (glmnet's {@code devmax}).
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

    static final ParamSpec<Double> ALPHA = ParamSpec.number(
            "alpha", 1.0, Range.closed(0, 1), "elastic-net mixing a in λ[(1−a)/2‖β‖² + a‖β‖₁]; 1 = lasso, 0 = ridge");
    static final ParamSpec<Boolean> STANDARDIZE = ParamSpec.flag(
            "standardize", true, "standardise columns internally (coefficients reported on the original scale)");
    static final ParamSpec<Integer> NLAMBDA =
            ParamSpec.integer("nlambda", 100, 1, 10_000, "number of λ values of the automatic sequence");
    static final ParamSpec<Double> LAMBDA_MIN_RATIO = ParamSpec.number(
                    "lambda-min-ratio", null, Range.open(0, 1), "smallest λ as a fraction of λ_max")
            .defaultText("1e-4 if rows > features, else 1e-2 (glmnet)");
    static final ParamSpec<Double> THRESH = ParamSpec.number(
            "thresh",
            1e-7,
            Range.openClosed(0, 0.1),
            "convergence threshold on the weighted coefficient change, relative to the null deviance");
    static final ParamSpec<Integer> MAX_ITERATIONS = ParamSpec.integer(
            "max-iterations", 100_000, 1, Integer.MAX_VALUE, "coordinate passes over the whole path (glmnet's maxit)");

    /** The keys of family {@code logistic}. */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(ALPHA, STANDARDIZE, NLAMBDA, LAMBDA_MIN_RATIO, THRESH, MAX_ITERATIONS);

    public LogisticPathOptions {
        ALPHA.check(alpha);
        NLAMBDA.check(nlambda);
        if (!Double.isNaN(lambdaMinRatio)) {
            LAMBDA_MIN_RATIO.check(lambdaMinRatio);
        }
        THRESH.check(thresh);
        MAX_ITERATIONS.check(maxIterations);
    }

    /** glmnet's defaults: lasso, standardised, 100 λ, automatic ratio, thresh 1e-7, 100,000 passes. */
    public static LogisticPathOptions defaults() {
        return of(SCHEMA.defaults());
    }

    /** Reads a {@code model:} block ({@code family: logistic}). */
    public static LogisticPathOptions from(Params p) {
        return SCHEMA.bind(p, LogisticPathOptions::of);
    }

    private static LogisticPathOptions of(ParamValues v) {
        Double ratio = v.get(LAMBDA_MIN_RATIO);
        return new LogisticPathOptions(
                v.get(ALPHA),
                v.get(STANDARDIZE),
                v.get(NLAMBDA),
                ratio == null ? Double.NaN : ratio,
                v.get(THRESH),
                v.get(MAX_ITERATIONS));
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
