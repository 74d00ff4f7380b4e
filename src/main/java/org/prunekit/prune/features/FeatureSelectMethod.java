package org.prunekit.prune.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.prunekit.prune.ExampleWeights;
import org.prunekit.prune.FeatureSubsetModel;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.SimplePath;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Method {@code feature-select}: rank the training features with a selector ({@link Rankings}), then retrain the arm's
 * family on the top k features for every k of a grid. Candidates run from the largest k to the smallest; strength =
 * features dropped. Each candidate is a {@link FeatureSubsetModel}, so the harness sees which features it uses.
 * Example weights (class weights) are kept in the retraining data and also passed to the trainer as a per-class map.
 * When k reaches the number of features p nothing is removed: if the harness trained the arm's model ({@link
 * #usesModel()}), that model is the k = p candidate as it is (a refit on the same rows, features, weights and seed
 * would give the same model); otherwise the k = p candidate is the one fit on all features.
 */
public final class FeatureSelectMethod implements PruningMethod {

    /**
     * @param selector  one of {@link Rankings#NAMES}
     * @param k         feature counts to keep (values above the number of features are clipped)
     * @param bins      bins of the information-theoretic selectors
     * @param treeDepth depth of the CART used by {@code tree-importance}
     */
    public record Settings(String selector, int[] k, int bins, int treeDepth) {
        public Settings {
            SELECTOR.check(selector);
            k = K.check(k.clone());
            ParamException.require(k.length > 0, K.name(), "needs at least one value");
            BINS.check(bins);
            TREE_DEPTH.check(treeDepth);
        }

        @Override
        public int[] k() {
            return k.clone();
        }
    }

    static final ParamSpec<String> SELECTOR = ParamSpec.choice(
                    "selector", null, Rankings.NAMES, "how features are ranked (see docs/l1-path.md)")
            .required();
    static final ParamSpec<int[]> K = ParamSpec.integers(
            "k",
            new int[] {1, 2, 3, 5, 8, 13, 21, 34, 55, 89},
            1,
            1_000_000,
            "feature counts kept, one candidate each (counts above the number of features are clipped)");
    static final ParamSpec<Integer> BINS =
            ParamSpec.integer("bins", 10, 2, 1000, "equal-frequency bins of the information-theoretic selectors");
    static final ParamSpec<Integer> TREE_DEPTH =
            ParamSpec.integer("tree-depth", 8, 1, 100, "depth of the CART that tree-importance ranks with");
    private static final ParamSchema SCHEMA = ParamSchema.of(SELECTOR, K, BINS, TREE_DEPTH);

    private final Settings settings;
    private final ModelFamily family;
    private final Params modelParams;
    private final long seed;

    public FeatureSelectMethod(Settings settings, ModelFamily family, Params modelParams, long seed) {
        this.settings = settings;
        this.family = family;
        this.modelParams = modelParams;
        this.seed = seed;
    }

    /** Only the {@code permutation} selector ranks features with the arm's model; every candidate is a refit. */
    @Override
    public boolean usesModel() {
        return settings.selector().equals(Rankings.PERMUTATION);
    }

    @Override
    public SimplePath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        List<String> ranking = Rankings.byName(settings.selector(), settings.bins(), settings.treeDepth())
                .rank(train, model, seed);
        int p = ranking.size();
        TreeSet<Integer> ks = new TreeSet<>(Comparator.reverseOrder());
        for (int v : settings.k()) {
            ks.add(Math.min(v, p));
        }
        Map<String, Float> classWeights = ExampleWeights.perClass(train);
        List<Candidate> out = new ArrayList<>();
        for (int k : ks) {
            Set<String> top = new TreeSet<>(ranking.subList(0, k));
            Model<Label> m = k == p && model != null
                    ? model
                    : family.trainer(modelParams, seed, classWeights).train(restrict(train, top));
            ModelSize s = family.size(m);
            Map<String, Double> details = new HashMap<>(s.details());
            details.put("features-kept", (double) k);
            out.add(new Candidate(
                    p - k,
                    new ModelSize(s.parameters(), s.nonZeroParameters(), details),
                    new FeatureSubsetModel(m, top)));
        }
        return new SimplePath("features dropped", out);
    }

    /** The examples of {@code data} with only the {@code keep} features, weights and labels unchanged. */
    static MutableDataset<Label> restrict(Dataset<Label> data, Set<String> keep) {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> out = new MutableDataset<>(new SimpleDataSourceProvenance("top-" + keep.size(), f), f);
        for (Example<Label> e : data) {
            ArrayExample<Label> x = new ArrayExample<>(e.getOutput(), e.getWeight());
            for (Feature feat : e) {
                if (keep.contains(feat.getName())) {
                    x.add(feat.getName(), feat.getValue());
                }
            }
            out.add(x);
        }
        return out;
    }

    /** Registers {@code feature-select} for every family; keys in {@link #SCHEMA}. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super(
                    "feature-select",
                    Set.of(),
                    SCHEMA,
                    (prune, model, family, seed) -> new FeatureSelectMethod(
                            new Settings(prune.get(SELECTOR), prune.get(K), prune.get(BINS), prune.get(TREE_DEPTH)),
                            family,
                            model,
                            seed));
        }
    }
}
