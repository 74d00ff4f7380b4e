package org.prunekit.testing;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.prunekit.config.Registry;
import org.prunekit.data.imbalance.Resampler;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.Params;
import org.prunekit.spi.PathExport;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.prunekit.spi.SimplePath;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Test-only families and methods, so the harness is tested without any real pruning module:
 * <ul>
 *   <li>{@code test-linear}: LibLinear L2 logistic regression (key {@code cost}); honours class weights.</li>
 *   <li>{@code test-shrink}: path [model, majority-class model] (key {@code strength}, the second candidate's);
 *       exports the columns {@code w1 = [1, 0]} and {@code w2 = [-0.5, 0]} ({@link PathExport}).</li>
 *   <li>{@code test-hard}: as test-linear, but declares that it gives no probabilities.</li>
 *   <li>{@code test-recording} / {@code test-recording-path}: the same, recording the {@code id} feature of every row
 *       a trainer, a method or a resampler is shown, with the seed it got.</li>
 * </ul>
 */
public final class TestFamilies {

    /** One observation: who saw which ids, under which seed. */
    public record Seen(String who, long seed, Set<Integer> ids) {}

    public static final List<Seen> SEEN = Collections.synchronizedList(new ArrayList<>());
    private static boolean registered;

    private TestFamilies() {}

    /** Registers the test families and methods (once per JVM). */
    public static synchronized void register() {
        if (!registered) {
            Registry.registerFamily(new Linear("test-linear", false));
            Registry.registerFamily(new Linear("test-recording", true));
            Registry.registerFamily(new Linear("test-hard", false) {
                @Override
                public boolean producesProbabilities() {
                    return false;
                }
            });
            Registry.registerMethod(new Shrink("test-shrink", Set.of("test-linear", "test-recording"), false));
            Registry.registerMethod(new Shrink("test-recording-path", Set.of("test-recording"), true));
            registered = true;
        }
    }

    public static Set<Integer> ids(Dataset<Label> data) {
        Set<Integer> out = new TreeSet<>();
        if (data == null) {
            return out;
        }
        for (Example<Label> e : data) {
            for (Feature f : e) {
                if (f.getName().equals("id")) {
                    out.add((int) Math.round(f.getValue()));
                }
            }
        }
        return out;
    }

    static class Linear implements ModelFamily {
        private final String name;
        private final boolean record;

        Linear(String name, boolean record) {
            this.name = name;
            this.record = record;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
            double cost = params.getDouble("cost", 1.0, 1e-6, 1e6);
            var t = new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.01, seed);
            if (!classWeights.isEmpty()) {
                Map<Label, Float> w = new HashMap<>();
                classWeights.forEach((k, v) -> w.put(new Label(k), v));
                t.setLabelWeights(w);
            }
            return record ? new Recording(t, seed) : t;
        }

        @Override
        public ModelSize size(Model<Label> model) {
            long p = (long) (model.getFeatureIDMap().size() + 1)
                    * model.getOutputIDInfo().size();
            return new ModelSize(
                    p, p, Map.of("features", (double) model.getFeatureIDMap().size()));
        }

        @Override
        public Set<String> supportedImbalance() {
            return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
        }
    }

    /** Records the ids a trainer is given. */
    static final class Recording implements Trainer<Label> {
        private final Trainer<Label> inner;
        private final long seed;

        Recording(Trainer<Label> inner, long seed) {
            this.inner = inner;
            this.seed = seed;
        }

        @Override
        public Model<Label> train(Dataset<Label> data, Map<String, Provenance> prov) {
            SEEN.add(new Seen("trainer", seed, ids(data)));
            return inner.train(data, prov);
        }

        @Override
        public int getInvocationCount() {
            return inner.getInvocationCount();
        }

        @Override
        public TrainerProvenance getProvenance() {
            return inner.getProvenance();
        }
    }

    static final class Shrink implements MethodFactory {
        private final String name;
        private final Set<String> families;
        private final boolean record;

        Shrink(String name, Set<String> families, boolean record) {
            this.name = name;
            this.families = families;
            this.record = record;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> families() {
            return families;
        }

        @Override
        public PruningMethod create(Params prune, Params model, ModelFamily family, long seed) {
            double strength = prune.getDouble("strength", 1.0, 0.0, 1.0);
            boolean validation = record && prune.getBoolean("validation", false);
            return new PruningMethod() {
                @Override
                public PruningPath path(Model<Label> m, Dataset<Label> train, Dataset<Label> val) {
                    if (record) {
                        SEEN.add(new Seen("method-train", seed, ids(train)));
                        SEEN.add(new Seen("method-validation", seed, ids(val)));
                    }
                    Model<Label> majority =
                            DummyClassifierTrainer.createMostFrequentTrainer().train(train);
                    return new ExportingPath(new SimplePath(
                            "shrink",
                            List.of(
                                    new Candidate(0.0, family.size(m), m),
                                    new Candidate(strength, ModelSize.of(2, 1), majority))));
                }

                @Override
                public boolean usesValidation() {
                    return validation;
                }
            };
        }
    }

    /** A path with exported columns (the same for every fit). */
    record ExportingPath(SimplePath path) implements PruningPath, PathExport {
        @Override
        public String strengthName() {
            return path.strengthName();
        }

        @Override
        public List<Candidate> candidates() {
            return path.candidates();
        }

        @Override
        public Map<String, double[]> exportColumns() {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("w1", new double[] {1, 0});
            m.put("w2", new double[] {-0.5, 0});
            return m;
        }
    }

    /** Oversamples by duplicating random rows of the smallest class; records the ids it is given. */
    public static final class RecordingResampler implements Resampler {
        @Override
        public MutableDataset<Label> resample(Dataset<Label> train, long seed) {
            SEEN.add(new Seen("resampler", seed, ids(train)));
            MutableDataset<Label> out = new MutableDataset<>(train.getProvenance(), train.getOutputFactory());
            List<Example<Label>> minority = new ArrayList<>();
            Map<String, Integer> counts = new HashMap<>();
            for (Example<Label> e : train) {
                out.add(e.copy());
                counts.merge(e.getOutput().getLabel(), 1, Integer::sum);
            }
            String small = Collections.min(counts.entrySet(), Map.Entry.comparingByValue())
                    .getKey();
            for (Example<Label> e : train) {
                if (e.getOutput().getLabel().equals(small)) {
                    minority.add(e);
                }
            }
            Random rng = new Random(seed);
            int add = Collections.max(counts.values()) - counts.get(small);
            for (int i = 0; i < add; i++) {
                out.add(minority.get(rng.nextInt(minority.size())).copy());
            }
            return out;
        }
    }
}
