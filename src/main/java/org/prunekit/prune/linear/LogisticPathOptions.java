package org.prunekit.prune.linear;

import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;

/**
 * Settings of a penalised logistic regularisation path, with glmnet's meaning and defaults (Friedman, Hastie &amp;
 * Tibshirani 2010); the keys of family {@code logistic}, declared once in {@link #SCHEMA}.
 *
 * <p>An automatic λ sequence stops early by glmnet's rules ({@code glmnet.control}, Fortran {@code lognet}): with
 * {@code D_k = (D_null − D(λ_k)) / D_null} the fraction of null deviance explained at the k-th λ (1-based), once
 * {@code k ≥ mnlam = 5} the path ends after λ_k when {@code D_k > devmax} (the model explains almost everything) or
 * when {@code D_k − D_{k−1} < fdev} (the last λ added almost nothing; a decrease always stops). glmnet's factory
 * values are {@code fdev = 1e-5}, {@code devmax = 0.999}; {@code fdev: 0} and {@code devmax: 1} turn the rules off
 * (the full {@code nlambda} values, stopping only if D decreases, as {@code glmnet.control(fdev = 0)}). An explicit
 * λ sequence is never cut.
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
 * @param fdev           stop when the deviance ratio grows by less than this between consecutive λ (0 = off)
 * @param devmax         stop when the deviance ratio exceeds this (1 = off)
 */
public record LogisticPathOptions(
        double alpha,
        boolean standardize,
        int nlambda,
        double lambdaMinRatio,
        double thresh,
        int maxIterations,
        double fdev,
        double devmax) {

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

    static final ParamSpec<Double> FDEV = ParamSpec.number(
            "fdev",
            1e-5,
            Range.closed(0, 1),
            "glmnet's fdev: the path stops when the deviance ratio grows by less than this from one λ to the next "
                    + "(0 = run every λ)");
    static final ParamSpec<Double> DEVMAX = ParamSpec.number(
            "devmax",
            0.999,
            Range.openClosed(0, 1),
            "glmnet's devmax: the path stops when the deviance ratio exceeds this (1 = never)");

    /** The keys of family {@code logistic}. */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(ALPHA, STANDARDIZE, NLAMBDA, LAMBDA_MIN_RATIO, THRESH, MAX_ITERATIONS, FDEV, DEVMAX);

    public LogisticPathOptions {
        ALPHA.check(alpha);
        NLAMBDA.check(nlambda);
        if (!Double.isNaN(lambdaMinRatio)) {
            LAMBDA_MIN_RATIO.check(lambdaMinRatio);
        }
        THRESH.check(thresh);
        MAX_ITERATIONS.check(maxIterations);
        FDEV.check(fdev);
        DEVMAX.check(devmax);
    }

    /** glmnet's stopping rules at their factory values ({@code fdev = 1e-5}, {@code devmax = 0.999}). */
    public LogisticPathOptions(
            double alpha, boolean standardize, int nlambda, double lambdaMinRatio, double thresh, int maxIterations) {
        this(
                alpha,
                standardize,
                nlambda,
                lambdaMinRatio,
                thresh,
                maxIterations,
                FDEV.defaultValue(),
                DEVMAX.defaultValue());
    }

    /**
     * glmnet's defaults: lasso, standardised, 100 λ, automatic ratio, thresh 1e-7, 100,000 passes, fdev 1e-5, devmax
     * 0.999.
     */
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
                v.get(MAX_ITERATIONS),
                v.get(FDEV),
                v.get(DEVMAX));
    }

    public LogisticPathOptions withAlpha(double a) {
        return new LogisticPathOptions(a, standardize, nlambda, lambdaMinRatio, thresh, maxIterations, fdev, devmax);
    }

    public LogisticPathOptions withStandardize(boolean s) {
        return new LogisticPathOptions(alpha, s, nlambda, lambdaMinRatio, thresh, maxIterations, fdev, devmax);
    }

    public LogisticPathOptions withLambdas(int count, double ratio) {
        return new LogisticPathOptions(alpha, standardize, count, ratio, thresh, maxIterations, fdev, devmax);
    }

    public LogisticPathOptions withThresh(double t) {
        return new LogisticPathOptions(alpha, standardize, nlambda, lambdaMinRatio, t, maxIterations, fdev, devmax);
    }

    public LogisticPathOptions withMaxIterations(int m) {
        return new LogisticPathOptions(alpha, standardize, nlambda, lambdaMinRatio, thresh, m, fdev, devmax);
    }

    /** The same options with glmnet's stopping rules set ({@code fdev = 0}, {@code devmax = 1}: every λ). */
    public LogisticPathOptions withStopping(double fdevValue, double devmaxValue) {
        return new LogisticPathOptions(
                alpha, standardize, nlambda, lambdaMinRatio, thresh, maxIterations, fdevValue, devmaxValue);
    }

    /** The ratio actually used for {@code n} rows and {@code p} features. */
    double effectiveMinRatio(int n, int p) {
        return Double.isNaN(lambdaMinRatio) ? (n > p ? 1e-4 : 1e-2) : lambdaMinRatio;
    }
}
