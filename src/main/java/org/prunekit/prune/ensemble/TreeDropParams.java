package org.prunekit.prune.ensemble;

import java.util.Arrays;
import java.util.List;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;

/**
 * Hyperparameters of method {@code tree-drop}; keys, defaults and ranges declared once, in {@link #SCHEMA}.
 *
 * @param strategy  how rounds are chosen: {@code prefix}, {@code forward}, {@code backward}, {@code reduce-error},
 *                  {@code lasso}, {@code random}
 * @param sizes     rounds kept at each candidate, strictly increasing, each ≥ 1; sizes ≥ the model's rounds are
 *                  ignored (the full model is always the first candidate)
 * @param objective what greedy strategies minimise on the selection rows: {@code log-loss}, {@code error} or any
 *                  metric's config name (e.g. {@code balanced-accuracy}, maximised); {@code reduce-error} always uses
 *                  the error and breaks ties with this objective
 */
public record TreeDropParams(String strategy, int[] sizes, String objective) {

    public static final int[] DEFAULT_SIZES = {1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000
    };

    static final ParamSpec<String> STRATEGY = ParamSpec.choice(
            "strategy", "forward", List.copyOf(Strategy.NAMES), "how the kept rounds are chosen (lasso: xgboost only)");
    static final ParamSpec<int[]> SIZES = ParamSpec.integers(
            "sizes",
            DEFAULT_SIZES,
            1,
            1_000_000_000,
            "rounds kept at each candidate, strictly increasing; sizes ≥ the model's rounds are ignored");
    static final ParamSpec<String> OBJECTIVE = ParamSpec.choice(
            "objective",
            "log-loss",
            List.copyOf(Objective.NAMES),
            "what greedy strategies optimise on the selection rows: log-loss, error or a metric");

    /** The keys of method {@code tree-drop}. */
    public static final ParamSchema SCHEMA = ParamSchema.of(STRATEGY, SIZES, OBJECTIVE);

    public TreeDropParams {
        STRATEGY.check(strategy);
        OBJECTIVE.check(objective);
        sizes = ParamException.requireIncreasing(SIZES.name(), SIZES.check(sizes.clone()));
    }

    public static TreeDropParams defaults() {
        return of(SCHEMA.defaults());
    }

    /** Reads {@code strategy}, {@code sizes}, {@code objective} from a {@code prune:} block. */
    public static TreeDropParams from(Params p) {
        return SCHEMA.bind(p, TreeDropParams::of);
    }

    static TreeDropParams of(ParamValues v) {
        return new TreeDropParams(v.get(STRATEGY), v.get(SIZES), v.get(OBJECTIVE));
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeDropParams t
                && strategy.equals(t.strategy)
                && Arrays.equals(sizes, t.sizes)
                && objective.equals(t.objective);
    }

    @Override
    public int hashCode() {
        return strategy.hashCode() * 31 + Arrays.hashCode(sizes) * 17 + objective.hashCode();
    }

    @Override
    public String toString() {
        return "TreeDropParams[strategy=" + strategy + ", sizes=" + Arrays.toString(sizes) + ", objective=" + objective
                + "]";
    }
}
