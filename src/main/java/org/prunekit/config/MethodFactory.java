package org.prunekit.config;

import java.util.Set;
import org.prunekit.eval.PruningMethod;

/** A pruning method that can appear as {@code arms[i].prune.method}. */
public interface MethodFactory {

    /** Config name, e.g. {@code cost-complexity}. */
    String name();

    /** Families whose models this method prunes. */
    Set<String> families();

    /**
     * Builds the method from its config block (and the arm's model block, read-only, for methods that retrain).
     * Reads every key it knows from {@code prune}. {@code family} is the arm's family (its name and its size measure).
     */
    PruningMethod create(Params prune, Params model, ModelFamily family, long seed);
}
