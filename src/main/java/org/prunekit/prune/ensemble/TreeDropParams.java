package org.prunekit.prune.ensemble;

import java.util.Arrays;
import org.prunekit.spi.Params;

/**
 * Hyperparameters of method {@code tree-drop}.
 *
 * @param strategy  how rounds are chosen: {@code prefix}, {@code forward}, {@code backward}, {@code reduce-error},
 *                  {@code lasso}, {@code random} (default {@code forward})
 * @param sizes     rounds kept at each candidate, strictly increasing, each ≥ 1; sizes ≥ the model's rounds are
 *                  ignored (the full model is always the first candidate). Default {@link #DEFAULT_SIZES}
 * @param objective what greedy strategies minimise on the selection rows: {@code log-loss} (default), {@code error}
 *                  or any metric's config name (e.g. {@code balanced-accuracy}, maximised); {@code reduce-error}
 *                  always uses the error and breaks ties with this objective
 */
public record TreeDropParams(String strategy, int[] sizes, String objective) {

    public static final int[] DEFAULT_SIZES = {1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000
    };

    public TreeDropParams {
        if (!Strategy.NAMES.contains(strategy)) {
            throw new IllegalArgumentException("strategy '" + strategy + "' is not one of " + Strategy.NAMES);
        }
        if (!Objective.NAMES.contains(objective)) {
            throw new IllegalArgumentException("objective '" + objective + "' is not one of " + Objective.NAMES);
        }
        sizes = sizes.clone();
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1])) {
                throw new IllegalArgumentException(
                        "sizes must be >= 1 and strictly increasing but were " + Arrays.toString(sizes));
            }
        }
        if (sizes.length == 0) {
            throw new IllegalArgumentException("sizes must not be empty");
        }
    }

    public static TreeDropParams defaults() {
        return new TreeDropParams("forward", DEFAULT_SIZES, "log-loss");
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** Reads {@code strategy}, {@code sizes}, {@code objective} from a {@code prune:} block. */
    public static TreeDropParams from(Params p) {
        TreeDropParams d = defaults();
        String strategy = p.getChoice("strategy", d.strategy(), Strategy.NAMES);
        String objective = p.getChoice("objective", d.objective(), Objective.NAMES);
        double[] raw = p.getDoubles("sizes", null, 1, 1e9);
        int[] sizes = d.sizes();
        if (raw != null) {
            sizes = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] != Math.rint(raw[i])) {
                    throw p.error("sizes[" + i + "]", "expected a whole number of rounds but got " + raw[i]);
                }
                sizes[i] = (int) raw[i];
                if (i > 0 && sizes[i] <= sizes[i - 1]) {
                    throw p.error("sizes", "must increase strictly but " + sizes[i] + " follows " + sizes[i - 1]);
                }
            }
            if (sizes.length == 0) {
                throw p.error("sizes", "must not be empty");
            }
        }
        return new TreeDropParams(strategy, sizes, objective);
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
