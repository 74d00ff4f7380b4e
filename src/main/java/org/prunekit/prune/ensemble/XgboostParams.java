package org.prunekit.prune.ensemble;

import java.util.List;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;

/**
 * Hyperparameters of family {@code xgboost} (booster {@code gbtree}). Every key, default and range is declared once, in
 * {@link #SCHEMA}. {@code objective}: {@code auto} trains {@code binary:logistic} (one tree per round) when the label
 * has two classes and {@code multi:softprob} otherwise ({@link XgboostLabelTrainer}); {@code softprob} always trains
 * {@code multi:softprob} through Tribuo's own {@code XGBoostClassificationTrainer} (one tree per class and round).
 * Note {@code alpha}: our default is 0 (XGBoost's own default and that of Tribuo's constructor), whereas a trainer
 * built through Tribuo's config system defaults it to 1.
 *
 * @param rounds         boosting rounds
 * @param maxDepth       maximum tree depth
 * @param eta            learning rate
 * @param subsample      row fraction per tree
 * @param minChildWeight minimum hessian weight in a child
 * @param alpha          L1 penalty on leaf weights
 * @param lambda         L2 penalty on leaf weights
 * @param seed           XGBoost's random seed (the run's seed for the cell)
 * @param threads        native threads
 * @param objective      {@code auto} or {@code softprob}
 */
public record XgboostParams(
        int rounds,
        int maxDepth,
        double eta,
        double subsample,
        double minChildWeight,
        double alpha,
        double lambda,
        long seed,
        int threads,
        String objective) {

    /** Objective {@code auto}: {@code binary:logistic} for two classes, else {@code multi:softprob}. */
    public static final String AUTO = "auto";
    /** Objective {@code softprob}: always {@code multi:softprob}, Tribuo's own trainer. */
    public static final String SOFTPROB = "softprob";

    static final ParamSpec<Integer> ROUNDS = ParamSpec.integer("rounds", 100, 1, 100_000, "boosting rounds");
    static final ParamSpec<Integer> MAX_DEPTH = ParamSpec.integer("max-depth", 6, 1, 64, "maximum tree depth");
    static final ParamSpec<Double> ETA = ParamSpec.number("eta", 0.3, Range.openClosed(0, 1), "learning rate");
    static final ParamSpec<Double> SUBSAMPLE =
            ParamSpec.number("subsample", 1.0, Range.openClosed(0, 1), "fraction of rows sampled per tree");
    static final ParamSpec<Double> MIN_CHILD_WEIGHT =
            ParamSpec.number("min-child-weight", 1.0, Range.atLeast(0), "minimum hessian weight in a child");
    static final ParamSpec<Double> ALPHA = ParamSpec.number(
            "alpha", 0.0, Range.atLeast(0), "L1 penalty on leaf weights (XGBoost's default; Tribuo's config says 1)");
    static final ParamSpec<Double> LAMBDA =
            ParamSpec.number("lambda", 1.0, Range.atLeast(0), "L2 penalty on leaf weights");
    static final ParamSpec<Integer> THREADS =
            ParamSpec.integer("threads", 1, 1, 1024, "native threads (1 keeps latency figures comparable)");

    static final ParamSpec<String> OBJECTIVE = ParamSpec.choice(
            "objective",
            AUTO,
            List.of(AUTO, SOFTPROB),
            "auto: binary:logistic (one tree per round) for two classes, multi:softprob otherwise; softprob: always"
                    + " multi:softprob (Tribuo's XGBoostClassificationTrainer, one tree per class and round)");

    /** The keys of family {@code xgboost}. */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(ROUNDS, MAX_DEPTH, ETA, SUBSAMPLE, MIN_CHILD_WEIGHT, ALPHA, LAMBDA, THREADS, OBJECTIVE);

    public XgboostParams {
        ROUNDS.check(rounds);
        MAX_DEPTH.check(maxDepth);
        ETA.check(eta);
        SUBSAMPLE.check(subsample);
        MIN_CHILD_WEIGHT.check(minChildWeight);
        ALPHA.check(alpha);
        LAMBDA.check(lambda);
        THREADS.check(threads);
        OBJECTIVE.check(objective);
    }

    /** These settings with objective {@code objective}. */
    public XgboostParams withObjective(String objective) {
        return new XgboostParams(
                rounds, maxDepth, eta, subsample, minChildWeight, alpha, lambda, seed, threads, objective);
    }

    public static XgboostParams defaults(long seed) {
        return of(SCHEMA.defaults(), seed);
    }

    /** Reads a {@code model:} block (every key optional). */
    public static XgboostParams from(Params p, long seed) {
        return SCHEMA.bind(p, v -> of(v, seed));
    }

    private static XgboostParams of(ParamValues v, long seed) {
        return new XgboostParams(
                v.get(ROUNDS),
                v.get(MAX_DEPTH),
                v.get(ETA),
                v.get(SUBSAMPLE),
                v.get(MIN_CHILD_WEIGHT),
                v.get(ALPHA),
                v.get(LAMBDA),
                seed,
                v.get(THREADS),
                v.get(OBJECTIVE));
    }
}
