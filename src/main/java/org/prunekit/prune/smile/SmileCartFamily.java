package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.Params;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
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
public final class SmileCartFamily implements ModelFamily {

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
        public Hyper {
            if (maxDepth < 2) {
                throw new IllegalArgumentException("max-depth must be >= 2 but was " + maxDepth);
            }
            if (maxNodes < 2) {
                throw new IllegalArgumentException("max-nodes must be >= 2 but was " + maxNodes);
            }
            if (nodeSize < 1) {
                throw new IllegalArgumentException("node-size must be >= 1 but was " + nodeSize);
            }
            if (!(pruneFraction >= 0 && pruneFraction < 1)) {
                throw new IllegalArgumentException("prune-fraction must be in [0, 1) but was " + pruneFraction);
            }
        }

        /** Smile's own defaults for depth and leaf size, unlimited leaves, a quarter of the rows held out. */
        public static Hyper defaults() {
            return new Hyper(20, 100_000, 5, SplitRule.GINI, 0.25);
        }

        public static Hyper from(Params p) {
            Hyper d = defaults();
            String rule = p.getChoice(
                    "split-rule",
                    d.rule().name().toLowerCase().replace('_', '-'),
                    Set.of("gini", "entropy", "classification-error"));
            try {
                return new Hyper(
                        p.getInt("max-depth", d.maxDepth(), 2, 10_000),
                        p.getInt("max-nodes", d.maxNodes(), 2, Integer.MAX_VALUE),
                        p.getInt("node-size", d.nodeSize(), 1, Integer.MAX_VALUE),
                        SplitRule.valueOf(rule.toUpperCase().replace('-', '_')),
                        p.getDouble("prune-fraction", d.pruneFraction(), 0.0, 0.99));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(p.file(), p.pathOf("family"), e.getMessage());
            }
        }
    }

    @Override
    public String name() {
        return "smile-cart";
    }

    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return new SmileCartTrainer(Hyper.from(params), seed);
    }

    @Override
    public ModelSize size(Model<Label> model) {
        if (!(model instanceof SmileModel sm)) {
            throw new IllegalArgumentException(
                    "not a smile-cart model: " + model.getClass().getSimpleName());
        }
        return sm.size();
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "undersample", "oversample", "smote", "threshold");
    }

    /** Trains Smile's CART on part of the data and prunes it on the rest. */
    public static final class SmileCartTrainer implements Trainer<Label> {
        private final Hyper hyper;
        private final long seed;
        private int invocations;

        public SmileCartTrainer(Hyper hyper, long seed) {
            this.hyper = hyper;
            this.seed = seed;
        }

        @Override
        public synchronized Model<Label> train(Dataset<Label> data, Map<String, Provenance> runProvenance) {
            return train(data, runProvenance, INCREMENT_INVOCATION_COUNT);
        }

        @Override
        public synchronized Model<Label> train(
                Dataset<Label> data, Map<String, Provenance> runProvenance, int invocationCount) {
            for (Example<Label> e : data) {
                if (e.getWeight() != 1.0f) {
                    throw new IllegalArgumentException("smile-cart ignores example weights but got weight "
                            + e.getWeight() + "; use a resampling imbalance strategy instead of class-weights");
                }
            }
            if (invocationCount != INCREMENT_INVOCATION_COUNT) {
                invocations = invocationCount;
            }
            long runSeed = seed + invocations++;
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
            List<String> labels = new ArrayList<>();
            for (int c : tree.classes()) {
                labels.add(d.classes().get(c));
            }
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
            ModelProvenance prov = new ModelProvenance(
                    SmileModel.class.getName(),
                    OffsetDateTime.now(),
                    data.getProvenance(),
                    getProvenance(),
                    runProvenance);
            return new SmileModel(
                    "smile-cart",
                    prov,
                    data.getFeatureIDMap(),
                    data.getOutputIDInfo(),
                    SmileModel.dataFrameScorer(tree, tree.schema()),
                    labels,
                    size);
        }

        @Override
        public int getInvocationCount() {
            return invocations;
        }

        @Override
        public TrainerProvenance getProvenance() {
            return new TrainerProvenanceImpl(this);
        }

        @Override
        public String toString() {
            return "SmileCartTrainer(" + hyper + ", seed=" + seed + ")";
        }
    }
}
