package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Map;
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
import smile.classification.GradientTreeBoost;
import smile.data.formula.Formula;
import smile.math.MathEx;

/**
 * Family {@code smile-gbt}, a baseline for {@code xgboost} + {@code tree-drop}: Smile 3.1.1's
 * {@link GradientTreeBoost} (Friedman's stochastic gradient boosting with logistic / multinomial deviance), with
 * Smile's own defaults. Method {@code trim} prunes it to its first k rounds ({@link SmileTrim}). Smile takes no
 * example weights, so {@code class-weights} is not supported (resampling strategies are).
 */
public final class SmileGbtFamily extends SmileFamily {

    public static final String NAME = "smile-gbt";

    /**
     * Hyperparameters of {@code smile-gbt}, the arguments of Smile's {@code GradientTreeBoost.fit}.
     *
     * @param trees     boosting rounds
     * @param maxDepth  maximum depth of each tree
     * @param maxNodes  maximum leaves of each tree
     * @param nodeSize  minimum rows in a leaf
     * @param shrinkage learning rate ν in (0, 1]
     * @param subsample share of the rows (per class) each tree is fitted on
     */
    public record Hyper(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample) {

        static final ParamSpec<Integer> TREES = ParamSpec.integer(
                "trees", 500, 1, 100_000, "boosting rounds (with K > 2 classes, one tree per class and round)");
        static final ParamSpec<Integer> MAX_DEPTH = SmileCartFamily.Hyper.MAX_DEPTH;
        static final ParamSpec<Integer> MAX_NODES = SmileCartFamily.Hyper.MAX_NODES.withDefault(6);
        static final ParamSpec<Integer> NODE_SIZE = SmileCartFamily.Hyper.NODE_SIZE;
        static final ParamSpec<Double> SHRINKAGE =
                ParamSpec.number("shrinkage", 0.05, Range.openClosed(0, 1), "learning rate: each tree's scale");
        static final ParamSpec<Double> SUBSAMPLE = ParamSpec.number(
                "subsample", 0.7, Range.openClosed(0, 1), "share of each class's rows a tree is fitted on");

        /** The keys of family {@code smile-gbt}. */
        public static final ParamSchema SCHEMA =
                ParamSchema.of(TREES, MAX_DEPTH, MAX_NODES, NODE_SIZE, SHRINKAGE, SUBSAMPLE);

        public Hyper {
            TREES.check(trees);
            MAX_DEPTH.check(maxDepth);
            MAX_NODES.check(maxNodes);
            NODE_SIZE.check(nodeSize);
            SHRINKAGE.check(shrinkage);
            SUBSAMPLE.check(subsample);
        }

        /** Smile's defaults: 500 rounds, depth 20, 6 leaves, 5 rows per leaf, shrinkage 0.05, subsample 0.7. */
        public static Hyper defaults() {
            return of(SCHEMA.defaults());
        }

        public static Hyper from(Params p) {
            return SCHEMA.bind(p, Hyper::of);
        }

        private static Hyper of(ParamValues v) {
            return new Hyper(
                    v.get(TREES),
                    v.get(MAX_DEPTH),
                    v.get(MAX_NODES),
                    v.get(NODE_SIZE),
                    v.get(SHRINKAGE),
                    v.get(SUBSAMPLE));
        }
    }

    public SmileGbtFamily() {
        super(NAME, Hyper.SCHEMA);
    }

    @Override
    Trainer<Label> trainer(Params params, long seed) {
        return new SmileGbtTrainer(Hyper.from(params), seed);
    }

    /** Fits Smile's gradient boosting; the subsampling draws come from Smile's per-thread generator, seeded first. */
    public static final class SmileGbtTrainer extends SeededTrainer<Hyper> {

        public SmileGbtTrainer(Hyper hyper, long seed) {
            super(NAME, hyper, seed);
        }

        @Override
        Model<Label> fit(Dataset<Label> data, Map<String, Provenance> runProvenance, int invocation) {
            SmileData d = SmileData.of(data);
            MathEx.setSeed(seed + invocation);
            GradientTreeBoost gbt = GradientTreeBoost.fit(
                    Formula.lhs(SmileData.RESPONSE),
                    d.frame(IntStream.range(0, d.y().length).toArray()),
                    hyper.trees(),
                    hyper.maxDepth(),
                    hyper.maxNodes(),
                    hyper.nodeSize(),
                    hyper.shrinkage(),
                    hyper.subsample());
            GbtEnsemble ensemble = GbtEnsemble.of(gbt, d.y(), hyper.shrinkage());
            return model(data, runProvenance, ensemble, d.labels(gbt.classes()), ensemble.size());
        }
    }
}
