package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.spi.ModelSize;
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
import smile.classification.DecisionTree;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/**
 * Family {@code smile-cart}, a baseline: Smile 3.1.1's {@link DecisionTree} pruned Smile's way, by
 * {@link DecisionTree#prune(DataFrame)} on a stratified held-out part of the training rows (reduced-error pruning
 * against held-out data, not cost-complexity). Use with method {@code none}. Smile's CART takes no example weights, so
 * {@code class-weights} is not supported (resampling strategies are).
 */
public final class SmileCartFamily extends SmileFamily {

    /**
     * Hyperparameters of {@code smile-cart}.
     *
     * @param maxDepth      Smile's maximum depth
     * @param maxNodes      Smile's maximum number of leaves
     * @param nodeSize      Smile's minimum rows in a leaf
     * @param rule          split rule: gini, entropy or classification-error
     * @param pruneFraction fraction of training rows held out for Smile's pruning; 0 = no pruning
     */
    public record Hyper(int maxDepth, int maxNodes, int nodeSize, SplitRule rule, double pruneFraction) {

        static final ParamSpec<Integer> MAX_DEPTH =
                ParamSpec.integer("max-depth", 20, 2, 10_000, "Smile's maximum depth");
        static final ParamSpec<Integer> MAX_NODES =
                ParamSpec.integer("max-nodes", 100_000, 2, Integer.MAX_VALUE, "Smile's maximum number of leaves");
        static final ParamSpec<Integer> NODE_SIZE =
                ParamSpec.integer("node-size", 5, 1, Integer.MAX_VALUE, "Smile's minimum rows in a leaf");
        static final ParamSpec<String> SPLIT_RULE = ParamSpec.choice(
                "split-rule", "gini", List.of("gini", "entropy", "classification-error"), "split criterion");
        static final ParamSpec<Double> PRUNE_FRACTION = ParamSpec.number(
                "prune-fraction",
                0.25,
                Range.closed(0, 0.99),
                "share of the training rows held out for Smile's reduced-error pruning; 0 = no pruning");

        /** The keys of family {@code smile-cart}. */
        public static final ParamSchema SCHEMA =
                ParamSchema.of(MAX_DEPTH, MAX_NODES, NODE_SIZE, SPLIT_RULE, PRUNE_FRACTION);

        public Hyper {
            MAX_DEPTH.check(maxDepth);
            MAX_NODES.check(maxNodes);
            NODE_SIZE.check(nodeSize);
            PRUNE_FRACTION.check(pruneFraction);
        }

        /** Smile's own defaults for depth and leaf size, unlimited leaves, a quarter of the rows held out. */
        public static Hyper defaults() {
            return of(SCHEMA.defaults());
        }

        public static Hyper from(Params p) {
            return SCHEMA.bind(p, Hyper::of);
        }

        /** Smile's split rule for a {@code split-rule} value. */
        static SplitRule rule(String name) {
            return SplitRule.valueOf(name.toUpperCase().replace('-', '_'));
        }

        private static Hyper of(ParamValues v) {
            return new Hyper(
                    v.get(MAX_DEPTH),
                    v.get(MAX_NODES),
                    v.get(NODE_SIZE),
                    rule(v.get(SPLIT_RULE)),
                    v.get(PRUNE_FRACTION));
        }
    }

    public SmileCartFamily() {
        super("smile-cart", Hyper.SCHEMA);
    }

    @Override
    Trainer<Label> trainer(Params params, long seed) {
        return new SmileCartTrainer(Hyper.from(params), seed);
    }

    /** Trains Smile's CART on part of the data and prunes it on the rest. */
    public static final class SmileCartTrainer extends SeededTrainer<Hyper> {

        public SmileCartTrainer(Hyper hyper, long seed) {
            super("smile-cart", hyper, seed);
        }

        @Override
        Model<Label> fit(Dataset<Label> data, Map<String, Provenance> runProvenance, int invocation) {
            long runSeed = seed + invocation;
            SmileData d = SmileData.of(data);
            int[] all = IntStream.range(0, d.y().length).toArray();
            int[] fit = all;
            int[] held = new int[0];
            if (hyper.pruneFraction() > 0) {
                Fold f = StratifiedSplits.holdout(d.y(), hyper.pruneFraction(), runSeed);
                fit = f.train();
                held = f.test();
            }
            Formula formula = Formula.lhs(SmileData.RESPONSE);
            DecisionTree tree = DecisionTree.fit(
                    formula, d.frame(fit), hyper.rule(), hyper.maxDepth(), hyper.maxNodes(), hyper.nodeSize());
            if (held.length > 0) {
                tree = tree.prune(d.frame(held));
            }
            List<String> labels = d.labels(tree.classes());
            int leaves = tree.root().leaves();
            long params = 2L * (leaves - 1) + (long) labels.size() * leaves;
            ModelSize size = new ModelSize(
                    params,
                    params,
                    Map.of(
                            "leaves",
                            (double) leaves,
                            "depth",
                            (double) tree.root().depth(),
                            "nodes",
                            (double) (2 * leaves - 1)));
            return model(data, runProvenance, SmileModel.dataFrameScorer(tree, tree.schema()), labels, size);
        }
    }
}
