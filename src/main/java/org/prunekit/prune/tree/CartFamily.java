package org.prunekit.prune.tree;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;

/**
 * Family {@code cart}: Tribuo's {@link CARTClassificationTrainer} tree (grown by prunekit's {@link CartTrainer}, which
 * yields the same tree node for node), grown large by default so that cost-complexity pruning has something to
 * prune. Class weights are honoured: Tribuo's CART sums example weights into its weighted
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

        static final ParamSpec<Integer> MAX_DEPTH = ParamSpec.integer(
                "max-depth", 50, 1, 10_000, "maximum depth (a node at depth max-depth − 1 is a leaf)");
        static final ParamSpec<Double> MIN_CHILD_WEIGHT = ParamSpec.number(
                "min-child-weight",
                2.0,
                Range.greaterThan(0),
                "a node with less total example weight is not split (2 ≈ sklearn's min_samples_split=2: grow fully)");
        static final ParamSpec<Double> MIN_IMPURITY_DECREASE = ParamSpec.number(
                "min-impurity-decrease", 0.0, Range.atLeast(0), "minimum weighted impurity decrease of a split");
        static final ParamSpec<String> IMPURITY =
                ParamSpec.choice("impurity", "gini", List.of("gini", "entropy"), "split criterion");
        static final ParamSpec<Double> FRACTION_FEATURES = ParamSpec.number(
                "fraction-features", 1.0, Range.openClosed(0, 1), "fraction of features tried per split (1 = CART)");
        static final ParamSpec<Long> SEED =
                ParamSpec.whole("seed", null, "seed of Tribuo's trainer").defaultText("the run's seed");

        /** The keys of family {@code cart}. */
        public static final ParamSchema SCHEMA =
                ParamSchema.of(MAX_DEPTH, MIN_CHILD_WEIGHT, MIN_IMPURITY_DECREASE, IMPURITY, FRACTION_FEATURES, SEED);

        public Hyper {
            MAX_DEPTH.check(maxDepth);
            MIN_CHILD_WEIGHT.check((double) minChildWeight);
            MIN_IMPURITY_DECREASE.check((double) minImpurityDecrease);
            ParamException.require(
                    impurity == Impurity.GINI || impurity == Impurity.ENTROPY,
                    IMPURITY.name(),
                    "must be gini or entropy but was %s",
                    impurity);
            FRACTION_FEATURES.check((double) fractionFeatures);
        }

        /** A fully grown tree (sklearn-like: split any node with weight >= 2), Gini, all features. */
        public static Hyper defaults() {
            return of(SCHEMA.defaults());
        }

        /** Reads the {@code model:} block; absent keys take {@link #defaults()}. */
        public static Hyper from(Params p) {
            return SCHEMA.bind(p, Hyper::of);
        }

        private static Hyper of(ParamValues v) {
            return new Hyper(
                    v.get(MAX_DEPTH),
                    v.get(MIN_CHILD_WEIGHT).floatValue(),
                    v.get(MIN_IMPURITY_DECREASE).floatValue(),
                    Impurity.byName(v.get(IMPURITY)),
                    v.get(FRACTION_FEATURES).floatValue(),
                    v.get(SEED));
        }

        /** prunekit's kernel: the tree Tribuo's trainer grows, grown faster, with its node counts. */
        public CartTrainer trainer(long runSeed) {
            return new CartTrainer(
                    maxDepth, minChildWeight, minImpurityDecrease, fractionFeatures, splitImpurity(), seed(runSeed));
        }

        /** Tribuo's own trainer with the same settings (the reference {@link CartTrainer} is tested against). */
        public CARTClassificationTrainer tribuoTrainer(long runSeed) {
            return new CARTClassificationTrainer(
                    maxDepth,
                    minChildWeight,
                    minImpurityDecrease,
                    fractionFeatures,
                    false,
                    splitImpurity(),
                    seed(runSeed));
        }

        private LabelImpurity splitImpurity() {
            return impurity == Impurity.ENTROPY ? new Entropy() : new GiniIndex();
        }

        private long seed(long runSeed) {
            return seed == null ? runSeed : seed;
        }
    }

    @Override
    public String name() {
        return "cart";
    }

    @Override
    public ParamSchema schema() {
        return Hyper.SCHEMA;
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
