package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.formula.Formula;

/**
 * Family {@code smile-rf}, a baseline for {@code random-forest} + {@code tree-drop}: Smile 3.1.1's
 * {@link RandomForest} (Breiman 2001: bootstrap rows, {@code mtry} random features per split, trees weighted by
 * their out-of-bag accuracy), with Smile's own defaults. Method {@code trim} prunes it to its k trees of highest
 * out-of-bag accuracy ({@link SmileTrim}). Smile takes no example weights, so {@code class-weights} is not supported
 * (resampling strategies are).
 */
public final class SmileRfFamily extends SmileFamily {

    public static final String NAME = "smile-rf";

    /**
     * Hyperparameters of {@code smile-rf}, the arguments of Smile's {@code RandomForest.fit}.
     *
     * @param trees     trees in the forest
     * @param mtry      features tried per split; null = ⌊√features⌋ (Smile's default); capped at the feature count
     * @param rule      split rule
     * @param maxDepth  maximum depth of each tree
     * @param maxNodes  maximum leaves of each tree; null = rows / 5 (Smile's default), at least 2
     * @param nodeSize  minimum rows in a leaf
     * @param subsample 1 = bootstrap (rows drawn with replacement), below 1 = that share drawn without replacement
     */
    public record Hyper(
            int trees, Integer mtry, SplitRule rule, int maxDepth, Integer maxNodes, int nodeSize, double subsample) {

        static final ParamSpec<Integer> TREES = ParamSpec.integer("trees", 500, 1, 100_000, "trees in the forest");
        static final ParamSpec<Integer> MTRY = ParamSpec.integer(
                        "mtry", null, 1, Integer.MAX_VALUE, "features tried per split (capped at the feature count)")
                .defaultText("⌊√features⌋");
        static final ParamSpec<String> SPLIT_RULE = SmileCartFamily.Hyper.SPLIT_RULE;
        static final ParamSpec<Integer> MAX_DEPTH = SmileCartFamily.Hyper.MAX_DEPTH;
        static final ParamSpec<Integer> MAX_NODES =
                SmileCartFamily.Hyper.MAX_NODES.withDefault(null).defaultText("training rows / 5");
        static final ParamSpec<Integer> NODE_SIZE = SmileCartFamily.Hyper.NODE_SIZE;
        static final ParamSpec<Double> SUBSAMPLE = ParamSpec.number(
                "subsample",
                1.0,
                Range.openClosed(0, 1),
                "1 = bootstrap; below 1 = that share of each class's rows, drawn without replacement");

        /** The keys of family {@code smile-rf}. */
        public static final ParamSchema SCHEMA =
                ParamSchema.of(TREES, MTRY, SPLIT_RULE, MAX_DEPTH, MAX_NODES, NODE_SIZE, SUBSAMPLE);

        public Hyper {
            TREES.check(trees);
            if (mtry != null) {
                MTRY.check(mtry);
            }
            MAX_DEPTH.check(maxDepth);
            if (maxNodes != null) {
                MAX_NODES.check(maxNodes);
            }
            NODE_SIZE.check(nodeSize);
            SUBSAMPLE.check(subsample);
        }

        /** Smile's defaults: 500 trees, ⌊√p⌋ features per split, gini, depth 20, rows/5 leaves, 5 rows per leaf. */
        public static Hyper defaults() {
            return of(SCHEMA.defaults());
        }

        public static Hyper from(Params p) {
            return SCHEMA.bind(p, Hyper::of);
        }

        private static Hyper of(ParamValues v) {
            return new Hyper(
                    v.get(TREES),
                    v.get(MTRY),
                    SmileCartFamily.Hyper.rule(v.get(SPLIT_RULE)),
                    v.get(MAX_DEPTH),
                    v.get(MAX_NODES),
                    v.get(NODE_SIZE),
                    v.get(SUBSAMPLE));
        }
    }

    public SmileRfFamily() {
        super(NAME, Hyper.SCHEMA);
    }

    @Override
    Trainer<Label> trainer(Params params, long seed) {
        return new SmileRfTrainer(Hyper.from(params), seed);
    }

    /**
     * Fits Smile's random forest. Smile grows the trees in parallel and seeds each tree's generator with its own
     * seed, but only seeds above 1 (its default seeds leave the worker threads' generators as they are, so two fits
     * differ): the seeds here are distinct draws above 1 from the run's seed.
     */
    public static final class SmileRfTrainer extends SeededTrainer<Hyper> {

        public SmileRfTrainer(Hyper hyper, long seed) {
            super(NAME, hyper, seed);
        }

        @Override
        Model<Label> fit(Dataset<Label> data, Map<String, Provenance> runProvenance, int invocation) {
            SmileData d = SmileData.of(data);
            int n = d.y().length;
            int p = d.columns().length;
            int mtry = hyper.mtry() == null ? 0 : Math.min(hyper.mtry(), p);
            int maxNodes = hyper.maxNodes() == null ? Math.max(2, n / 5) : hyper.maxNodes();
            RandomForest rf = RandomForest.fit(
                    Formula.lhs(SmileData.RESPONSE),
                    d.frame(IntStream.range(0, n).toArray()),
                    hyper.trees(),
                    mtry,
                    hyper.rule(),
                    hyper.maxDepth(),
                    maxNodes,
                    hyper.nodeSize(),
                    hyper.subsample(),
                    null,
                    new SplittableRandom(seed + invocation).longs(2, Long.MAX_VALUE));
            RfEnsemble ensemble = new RfEnsemble(rf);
            return model(data, runProvenance, ensemble, d.labels(rf.classes()), ensemble.size());
        }
    }
}
