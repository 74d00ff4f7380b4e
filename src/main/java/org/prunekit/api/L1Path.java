package org.prunekit.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prunekit.prune.linear.SparseLinearModel;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The L1 (lasso) or elastic-net regularisation path of penalised logistic regression, solved like R's glmnet
 * (Friedman, Hastie &amp; Tibshirani 2010: pathwise coordinate descent on
 * {@code -loglik(beta)/N + lambda [(1 - a)/2 ||beta||_2^2 + a ||beta||_1]}, binomial or multinomial, with strong
 * rules and KKT checks). Each lambda is a candidate; larger lambdas zero out more coefficients, pruning features.
 *
 * <pre>{@code
 * L1Path.Path path = L1Path.fit(train, L1Path.Options.defaults());
 * Choice cv = path.crossValidate(CrossValidation.defaults());
 * Model<Label> sparse = path.at(cv.strength());
 * }</pre>
 */
public final class L1Path {

    static final String METHOD = "l1-path";
    static final String FAMILY = "logistic";

    private L1Path() {}

    /**
     * Options of family {@code logistic} with method {@code l1-path}, with glmnet's meaning and defaults.
     *
     * @param alpha          elastic-net mixing {@code a}: 1 is the lasso, 0 ridge
     * @param standardize    standardise columns internally (coefficients are always on the original scale)
     * @param nlambda        number of lambdas of the automatic sequence
     * @param lambdaMinRatio smallest lambda as a fraction of lambda_max; NaN takes glmnet's default (1e-4 if N &gt; p,
     *                       else 1e-2)
     * @param thresh         coordinate-descent convergence threshold
     * @param maxIterations  maximum coordinate passes over the whole path
     * @param candidates     lambdas offered as candidates, spread evenly over the path; 0 offers all
     */
    public record Options(
            double alpha,
            boolean standardize,
            int nlambda,
            double lambdaMinRatio,
            double thresh,
            int maxIterations,
            int candidates) {

        /** Checks the values with the CLI's rules and messages. */
        public Options {
            ConfigBlock.method(
                    METHOD,
                    Map.of("candidates", candidates),
                    FAMILY,
                    model(alpha, standardize, nlambda, lambdaMinRatio, thresh, maxIterations),
                    0L);
        }

        /** glmnet's defaults: lasso, standardised, 100 lambdas, automatic ratio, thresh 1e-7; every lambda. */
        public static Options defaults() {
            return new Options(1.0, true, 100, Double.NaN, 1e-7, 100_000, 0);
        }

        /** A copy with {@code alpha} replaced. */
        public Options withAlpha(double newAlpha) {
            return new Options(newAlpha, standardize, nlambda, lambdaMinRatio, thresh, maxIterations, candidates);
        }

        /** A copy with {@code standardize} replaced. */
        public Options withStandardize(boolean on) {
            return new Options(alpha, on, nlambda, lambdaMinRatio, thresh, maxIterations, candidates);
        }

        /** A copy with {@code nlambda} replaced. */
        public Options withNlambda(int count) {
            return new Options(alpha, standardize, count, lambdaMinRatio, thresh, maxIterations, candidates);
        }

        /** A copy with {@code lambdaMinRatio} replaced. */
        public Options withLambdaMinRatio(double ratio) {
            return new Options(alpha, standardize, nlambda, ratio, thresh, maxIterations, candidates);
        }

        /** A copy with {@code thresh} replaced. */
        public Options withThresh(double newThresh) {
            return new Options(alpha, standardize, nlambda, lambdaMinRatio, newThresh, maxIterations, candidates);
        }

        /** A copy with {@code maxIterations} replaced. */
        public Options withMaxIterations(int passes) {
            return new Options(alpha, standardize, nlambda, lambdaMinRatio, thresh, passes, candidates);
        }

        /** A copy with {@code candidates} replaced. */
        public Options withCandidates(int count) {
            return new Options(alpha, standardize, nlambda, lambdaMinRatio, thresh, maxIterations, count);
        }

        private static Map<String, Object> model(
                double alpha, boolean standardize, int nlambda, double ratio, double thresh, int maxIterations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alpha", alpha);
            m.put("standardize", standardize);
            m.put("nlambda", nlambda);
            if (!Double.isNaN(ratio)) {
                m.put("lambda-min-ratio", ratio);
            }
            m.put("thresh", thresh);
            m.put("max-iterations", maxIterations);
            return m;
        }

        /** The {@code model:} block of these options (family {@code logistic}). */
        Map<String, Object> modelBlock() {
            return model(alpha, standardize, nlambda, lambdaMinRatio, thresh, maxIterations);
        }

        PruningMethod method() {
            return ConfigBlock.method(METHOD, Map.of("candidates", candidates), FAMILY, modelBlock(), 0L);
        }
    }

    /** Fits the path on {@code data} (example weights are observation weights). */
    public static Path fit(Dataset<Label> data, Options options) {
        Objects.requireNonNull(data, "data");
        PruningMethod method = options.method();
        return new Path(method.path(null, data, null), data, method);
    }

    /** The fitted path: one sparse logistic model per lambda, least pruned (smallest lambda) first. */
    public static final class Path {

        private final PruningPath path;
        private final Dataset<Label> train;
        private final PruningMethod method;

        private Path(PruningPath path, Dataset<Label> train, PruningMethod method) {
            this.path = path;
            this.train = train;
            this.method = method;
        }

        /** The lambdas, ascending (glmnet lists the same values descending). */
        public double[] lambdas() {
            return path.strengths();
        }

        /** Number of candidates. */
        public int size() {
            return path.candidates().size();
        }

        /** Feature names, in the order of the coefficients. */
        public List<String> featureNames() {
            return model(0).featureNames();
        }

        /**
         * Coefficients on the original feature scale, {@code [lambda][row][feature]}: one row for a binary problem
         * (the second class's log-odds), one per class for a multinomial one.
         */
        public double[][][] coefficients() {
            double[][][] out = new double[size()][][];
            for (int i = 0; i < out.length; i++) {
                out[i] = model(i).coefficients().beta();
            }
            return out;
        }

        /** Intercepts, {@code [lambda][row]}. */
        public double[][] intercepts() {
            double[][] out = new double[size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = model(i).coefficients().a0();
            }
            return out;
        }

        /** Non-zero parameters (coefficients and intercepts) of each candidate. */
        public long[] nonZeroParameters() {
            return path.nonZeroParameters();
        }

        /**
         * The model at {@code lambda}, coefficients interpolated linearly between the path's lambdas (glmnet's
         * {@code exact = FALSE}). A Tribuo model: predict, save and load it as usual.
         */
        public Model<Label> at(double lambda) {
            return path.at(lambda).model();
        }

        /**
         * Chooses lambda by inner cross-validation on the training data, as the CLI does: the path is refitted on
         * each fold's training part and scored at this path's lambdas on the held-out part (cv.glmnet's procedure,
         * with any metric).
         */
        public Choice crossValidate(CrossValidation cv) {
            return PathScores.crossValidate(path, train, (fold, data) -> method.path(null, data, null), cv);
        }

        private SparseLinearModel model(int i) {
            return (SparseLinearModel) path.candidates().get(i).model();
        }
    }
}
