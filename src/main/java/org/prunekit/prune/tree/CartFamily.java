package org.prunekit.prune.tree;

import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;

/**
 * Family {@code cart}: Tribuo's {@link CARTClassificationTrainer}, grown large by default so that cost-complexity
 * pruning has something to prune. Class weights are honoured: Tribuo's CART sums example weights into its weighted
 * label counts (impurities, split scores, leaf distributions and {@code min-child-weight} all use them), and the
 * harness delivers class weights as example weights.
 */
public final class CartFamily implements ModelFamily {

    /**
     * Hyperparameters of {@code cart}.
     *
     * @param maxDepth            maximum depth (Tribuo: a node at depth {@code maxDepth - 1} is a leaf)
     * @param minChildWeight      a node with less total example weight than this is not split further
     * @param minImpurityDecrease minimum weighted impurity decrease of a split (Tribuo's scaling)
     * @param impurity            split criterion, {@code gini} or {@code entropy}
     * @param fractionFeatures    fraction of features considered per split (1.0 = all, plain CART)
     * @param seed                seed of Tribuo's trainer; {@code null} = the run's seed for the cell
     */
    public record Hyper(
            int maxDepth,
            float minChildWeight,
            float minImpurityDecrease,
            Impurity impurity,
            float fractionFeatures,
            Long seed) {
        public Hyper {
            if (maxDepth < 1) {
                throw new IllegalArgumentException("max-depth must be >= 1 but was " + maxDepth);
            }
            if (!(minChildWeight > 0)) {
                throw new IllegalArgumentException("min-child-weight must be > 0 but was " + minChildWeight);
            }
            if (!(minImpurityDecrease >= 0)) {
                throw new IllegalArgumentException("min-impurity-decrease must be >= 0 but was " + minImpurityDecrease);
            }
            if (impurity == null || impurity == Impurity.MISCLASSIFICATION) {
                throw new IllegalArgumentException("impurity must be gini or entropy but was " + impurity);
            }
            if (!(fractionFeatures > 0 && fractionFeatures <= 1)) {
                throw new IllegalArgumentException("fraction-features must be in (0, 1] but was " + fractionFeatures);
            }
        }

        /** A fully grown tree (sklearn-like: split any node with weight >= 2), Gini, all features. */
        public static Hyper defaults() {
            return new Hyper(50, 2.0f, 0.0f, Impurity.GINI, 1.0f, null);
        }

        /** Reads the {@code model:} block; absent keys take {@link #defaults()}. */
        public static Hyper from(Params p) {
            Hyper d = defaults();
            try {
                Long seed = p.has("seed") ? Long.valueOf(p.getLong("seed", 0L)) : d.seed();
                return new Hyper(
                        p.getInt("max-depth", d.maxDepth(), 1, 10_000),
                        (float) p.getDouble("min-child-weight", d.minChildWeight(), 1e-9, Double.MAX_VALUE),
                        (float) p.getDouble("min-impurity-decrease", d.minImpurityDecrease(), 0, Double.MAX_VALUE),
                        Impurity.byName(p.getChoice("impurity", d.impurity().configName(), Set.of("gini", "entropy"))),
                        (float) p.getDouble("fraction-features", d.fractionFeatures(), 1e-9, 1.0),
                        seed);
            } catch (IllegalArgumentException e) {
                String block = p.pathOf("_");
                throw new ConfigException(
                        p.file(), block.substring(0, Math.max(0, block.length() - 2)), e.getMessage());
            }
        }

        public CARTClassificationTrainer trainer(long runSeed) {
            return new CARTClassificationTrainer(
                    maxDepth,
                    minChildWeight,
                    minImpurityDecrease,
                    fractionFeatures,
                    false,
                    impurity == Impurity.ENTROPY ? new Entropy() : new GiniIndex(),
                    seed == null ? runSeed : seed);
        }
    }

    @Override
    public String name() {
        return "cart";
    }

    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return Hyper.from(params).trainer(seed);
    }

    @Override
    public ModelSize size(Model<Label> model) {
        return TreeSize.of(model);
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
    }
}
