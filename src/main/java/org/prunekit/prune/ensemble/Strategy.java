package org.prunekit.prune.ensemble;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses which boosting rounds to keep, for each requested ensemble size. It computes only; building the pruned
 * models is {@link TreeDrop}'s job. Strategies see the selection rows through their round contributions and targets,
 * never the models or any other rows.
 */
public interface Strategy {

    /** Config names understood by {@link #byName}. */
    Set<String> NAMES = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("prefix", "forward", "backward", "reduce-error", "lasso", "random")));

    String name();

    /** Whether the set for a size contains the sets of every smaller size. */
    boolean nested();

    /**
     * The rounds to keep for each size.
     *
     * @param sizes strictly increasing sizes in {@code [1, rounds]}
     * @return one set per size, same order; a set may be smaller than its size (lasso) but sizes never decrease
     */
    List<RoundSet> select(RoundContributions contributions, Targets targets, int[] sizes);

    /** A strategy by config name; {@code objective} drives the greedy ones, {@code seed} the random one. */
    static Strategy byName(String name, Objective objective, long seed) {
        return switch (name) {
            case "prefix" -> new PrefixStrategy();
            case "forward" -> new ForwardSelection(objective, null);
            case "reduce-error" -> new ForwardSelection(new ErrorRate(), objective);
            case "backward" -> new BackwardElimination(objective);
            case "lasso" -> new IsleLasso(IsleLasso.Settings.defaults());
            case "random" -> new RandomStrategy(seed);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "' (allowed: " + NAMES + ")");
        };
    }
}
