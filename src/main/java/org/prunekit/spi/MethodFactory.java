package org.prunekit.spi;

import java.util.Set;

/** A pruning method that can appear as {@code arms[i].prune.method}. */
public interface MethodFactory {

    /** Config name, e.g. {@code cost-complexity}. */
    String name();

    /** Families whose models this method prunes; empty for a method that applies to every family. */
    Set<String> families();

    /** Whether this method prunes models of {@code family}. */
    default boolean prunes(String family) {
        return families().isEmpty() || families().contains(family);
    }

    /**
     * The keys of its {@code prune:} block besides {@code method}, declared once (see {@link ParamSchema}); {@link
     * #create} binds its block through this schema.
     */
    default ParamSchema schema() {
        return ParamSchema.UNDECLARED;
    }

    /**
     * The selection metric (a config name) this method's arms use when neither the arm nor the study names one, or
     * null for the study's default (average precision). {@code l1-path} answers {@code deviance}: cv.glmnet's choice,
     * which on the peer datasets keeps the dense model's average precision where one-se on average precision
     * over-prunes; {@code cost-complexity} answers {@code balanced-accuracy}: rpart's risk under equal priors, which
     * keeps class-weighted trees' minority recall (docs/results.md).
     */
    default String defaultSelectMetric() {
        return null;
    }

    /**
     * Builds the method from its config block (and the arm's model block, read-only, for methods that retrain).
     * Reads every key it knows from {@code prune}. {@code family} is the arm's family (its name and its size measure).
     */
    PruningMethod create(Params prune, Params model, ModelFamily family, long seed);
}
