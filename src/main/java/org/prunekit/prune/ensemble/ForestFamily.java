package org.prunekit.prune.ensemble;

import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.AdaBoostTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.EnsembleModel;

/**
 * Families {@code random-forest} (Tribuo's {@link RandomForestTrainer}: bootstrap samples, CART members with a
 * feature fraction per split, soft voting with {@link FullyWeightedVotingCombiner}) and {@code adaboost} (Tribuo's
 * {@link AdaBoostTrainer}, SAMME, CART members, weighted hard votes). Members are prunable with {@code tree-drop}.
 */
public class ForestFamily implements ModelFamily {

    /** Family {@code random-forest}, as registered with {@link java.util.ServiceLoader}. */
    public static final class RandomForest extends ForestFamily {
        public RandomForest() {
            super(RANDOM_FOREST);
        }
    }

    /** Family {@code adaboost}, as registered with {@link java.util.ServiceLoader}. */
    public static final class AdaBoost extends ForestFamily {
        public AdaBoost() {
            super(ADABOOST);
        }
    }

    public static final String RANDOM_FOREST = "random-forest";
    public static final String ADABOOST = "adaboost";

    /**
     * @param members         ensemble members ({@code members}, default 100, ≥ 1)
     * @param maxDepth        CART depth limit ({@code max-depth}, default 12 for forests, 1 for AdaBoost stumps)
     * @param featureFraction features tried per split ({@code feature-fraction}, forests only, default 0.5, (0, 1])
     * @param seed            the run's seed
     */
    public record ForestParams(int members, int maxDepth, double featureFraction, long seed) {
        public ForestParams {
            MEMBERS.check(members);
            MAX_DEPTH.check(maxDepth);
            FEATURE_FRACTION.check(featureFraction);
        }
    }

    static final ParamSpec<Integer> MEMBERS = ParamSpec.integer("members", 100, 1, 100_000, "ensemble members");
    static final ParamSpec<Integer> MAX_DEPTH =
            ParamSpec.integer("max-depth", 12, 1, 64, "depth limit of each CART member");
    /** AdaBoost's members are stumps by default. */
    static final ParamSpec<Integer> ADABOOST_MAX_DEPTH = MAX_DEPTH.withDefault(1);

    static final ParamSpec<Double> FEATURE_FRACTION =
            ParamSpec.number("feature-fraction", 0.5, Range.openClosed(0, 1), "fraction of features tried per split");
    private static final ParamSchema FOREST = ParamSchema.of(MEMBERS, MAX_DEPTH, FEATURE_FRACTION);
    private static final ParamSchema ADABOOST_SCHEMA = ParamSchema.of(MEMBERS, ADABOOST_MAX_DEPTH);

    private final String name;

    public ForestFamily(String name) {
        if (!name.equals(RANDOM_FOREST) && !name.equals(ADABOOST)) {
            throw new IllegalArgumentException("unknown ensemble family " + name);
        }
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    public ForestParams params(Params p, long seed) {
        return schema().bind(
                        p,
                        v -> new ForestParams(
                                v.get(MEMBERS), v.get(maxDepth()), v.getOrDefault(FEATURE_FRACTION), seed));
    }

    @Override
    public ParamSchema schema() {
        return name.equals(RANDOM_FOREST) ? FOREST : ADABOOST_SCHEMA;
    }

    private ParamSpec<Integer> maxDepth() {
        return name.equals(RANDOM_FOREST) ? MAX_DEPTH : ADABOOST_MAX_DEPTH;
    }

    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return trainer(params(params, seed));
    }

    public Trainer<Label> trainer(ForestParams p) {
        if (name.equals(RANDOM_FOREST)) {
            CARTClassificationTrainer cart =
                    new CARTClassificationTrainer(p.maxDepth(), (float) p.featureFraction(), p.seed());
            return new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), p.members(), p.seed());
        }
        return new AdaBoostTrainer(new CARTClassificationTrainer(p.maxDepth()), p.members(), p.seed());
    }

    @Override
    public ModelSize size(Model<Label> model) {
        if (!(model instanceof EnsembleModel<Label> e)) {
            throw new IllegalArgumentException(
                    name + " expects an ensemble model, got " + model.getClass().getSimpleName());
        }
        return MemberDrop.size(e.getModels());
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
    }
}
