package org.prunekit.prune.ensemble;

import org.prunekit.spi.Params;

/**
 * Hyperparameters of family {@code xgboost} (Tribuo's {@code XGBoostClassificationTrainer}, objective
 * {@code multi:softprob}, booster {@code gbtree}). Every default is stated here once. Note {@code alpha}: our default
 * is 0.0 (XGBoost's own default and that of Tribuo's constructor), whereas a trainer built through Tribuo's config
 * system defaults it to 1.0.
 *
 * @param rounds         boosting rounds (config {@code rounds}, default 100, ≥ 1)
 * @param maxDepth       maximum tree depth ({@code max-depth}, default 6, ≥ 1)
 * @param eta            learning rate ({@code eta}, default 0.3, in (0, 1])
 * @param subsample      row fraction per tree ({@code subsample}, default 1.0, in (0, 1])
 * @param minChildWeight minimum hessian weight in a child ({@code min-child-weight}, default 1.0, ≥ 0)
 * @param alpha          L1 penalty on leaf weights ({@code alpha}, default 0.0, ≥ 0)
 * @param lambda         L2 penalty on leaf weights ({@code lambda}, default 1.0, ≥ 0)
 * @param seed           XGBoost's random seed (the run's seed for the cell)
 * @param threads        native threads ({@code threads}, default 1 for reproducible timing, ≥ 1)
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
        int threads) {

    public XgboostParams {
        require(rounds >= 1, "rounds must be >= 1 but was %s", rounds);
        require(maxDepth >= 1, "max-depth must be >= 1 but was %s", maxDepth);
        require(eta > 0 && eta <= 1, "eta must be in (0, 1] but was %s", eta);
        require(subsample > 0 && subsample <= 1, "subsample must be in (0, 1] but was %s", subsample);
        require(minChildWeight >= 0, "min-child-weight must be >= 0 but was %s", minChildWeight);
        require(alpha >= 0, "alpha must be >= 0 but was %s", alpha);
        require(lambda >= 0, "lambda must be >= 0 but was %s", lambda);
        require(threads >= 1, "threads must be >= 1 but was %s", threads);
    }

    public static XgboostParams defaults(long seed) {
        return new XgboostParams(100, 6, 0.3, 1.0, 1.0, 0.0, 1.0, seed, 1);
    }

    /** Reads a {@code model:} block (every key optional). */
    public static XgboostParams from(Params p, long seed) {
        XgboostParams d = defaults(seed);
        return new XgboostParams(
                p.getInt("rounds", d.rounds(), 1, 100_000),
                p.getInt("max-depth", d.maxDepth(), 1, 64),
                p.getDouble("eta", d.eta(), Double.MIN_VALUE, 1),
                p.getDouble("subsample", d.subsample(), Double.MIN_VALUE, 1),
                p.getDouble("min-child-weight", d.minChildWeight(), 0, Double.MAX_VALUE),
                p.getDouble("alpha", d.alpha(), 0, Double.MAX_VALUE),
                p.getDouble("lambda", d.lambda(), 0, Double.MAX_VALUE),
                seed,
                p.getInt("threads", d.threads(), 1, 1024));
    }

    private static void require(boolean ok, String message, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(message, value));
        }
    }
}
