package org.prunekit.prune.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.prunekit.prune.ExampleWeights;
import org.prunekit.prune.FeatureSubsetModel;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.SimplePath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * Method {@code liblinear-path}: Tribuo's LibLinear {@code L1R_LR} (L1-regularised logistic regression,
 * {@code min ‖w‖₁ + C Σ_i c_{y_i} log(1 + e^{−y_i wᵀx_i})}, penalised bias, no standardisation, one-vs-rest for
 * several classes) trained independently at each C of a grid, for comparison with {@code l1-path}. The default grid
 * mirrors glmnet's: {@code C = 1/(N λ)} for {@code count} λ log-spaced from λ_max (raw scale) down to
 * {@code ratio · λ_max}. Class weights reach LibLinear as label weights (the mean example weight of each class).
 * Strength = {@code 1/(C N)}; candidates least pruned (largest C) first.
 */
public final class LibLinearPathMethod implements PruningMethod {

    /** Settings. @param cs explicit C values (empty = derived grid) */
    public record Settings(double[] cs, int count, double ratio, double eps, int maxIterations) {
        public Settings {
            cs = cs.clone();
            for (double c : cs) {
                if (!(c > 0) || Double.isInfinite(c)) {
                    throw new IllegalArgumentException("C values must be > 0 but found " + c);
                }
            }
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1 but was " + count);
            }
            if (!(ratio > 0 && ratio < 1)) {
                throw new IllegalArgumentException("ratio must be in (0, 1) but was " + ratio);
            }
            if (!(eps > 0)) {
                throw new IllegalArgumentException("eps must be > 0 but was " + eps);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("max-iterations must be >= 1 but was " + maxIterations);
            }
        }

        @Override
        public double[] cs() {
            return cs.clone();
        }

        public static Settings defaults() {
            return new Settings(new double[0], 20, 1e-3, 0.01, 1000);
        }
    }

    private final Settings settings;
    private final long seed;

    public LibLinearPathMethod(Settings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** The C grid for {@code train}, decreasing penalty order reversed: smallest C (most pruned) first. */
    public double[] grid(Dataset<Label> train) {
        if (settings.cs().length > 0) {
            double[] c = settings.cs();
            Arrays.sort(c);
            return c;
        }
        TrainingData td = TrainingData.of(train);
        double lmax = LogisticPathSolver.lambdaMax(
                td.problem(), LogisticPathOptions.defaults().withAlpha(1.0).withStandardize(false));
        double[] lambdas = LambdaSequence.automatic(lmax, settings.count(), settings.ratio());
        double n = td.problem().n();
        double[] c = new double[lambdas.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = 1.0 / (n * lambdas[k]);
        }
        return c;
    }

    @Override
    public SimplePath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        double[] cs = grid(train);
        Map<Label, Float> labelWeights = labelWeights(train);
        List<Candidate> out = new ArrayList<>();
        for (int k = cs.length - 1; k >= 0; k--) {
            LibLinearClassificationTrainer t = new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L1R_LR),
                    cs[k],
                    settings.maxIterations(),
                    settings.eps(),
                    seed);
            if (!labelWeights.isEmpty()) {
                t.setLabelWeights(labelWeights);
            }
            LibLinearClassificationModel m = (LibLinearClassificationModel) t.train(train);
            out.add(candidate(m, 1.0 / (cs[k] * train.size())));
        }
        return new SimplePath("lambda (1/(C N))", out);
    }

    /** Wraps a LibLinear model with its used features and sizes it from its weights (bias counted as intercept). */
    static Candidate candidate(LibLinearClassificationModel m, double strength) {
        de.bwaldvogel.liblinear.Model lm = m.getInnerModels().get(0);
        double[] w = lm.getFeatureWeights();
        int nf = lm.getNrFeature();
        int cols = lm.getNrClass() == 2 ? 1 : lm.getNrClass();
        Set<String> used = new TreeSet<>();
        long nz = 0;
        for (int j = 0; j < w.length / cols; j++) {
            boolean any = false;
            for (int c = 0; c < cols; c++) {
                if (w[j * cols + c] != 0) {
                    nz++;
                    any = true;
                }
            }
            if (any && j < nf && j < m.getFeatureIDMap().size()) {
                used.add(m.getFeatureIDMap().get(j).getName());
            }
        }
        Map<String, Double> details = new HashMap<>();
        details.put("features", (double) used.size());
        details.put("C", 1.0 / strength);
        ModelSize size = new ModelSize(w.length, nz, details);
        return new Candidate(strength, size, new FeatureSubsetModel(m, used));
    }

    /** Class weights as LibLinear label weights. */
    static Map<Label, Float> labelWeights(Dataset<Label> data) {
        Map<Label, Float> out = new HashMap<>();
        ExampleWeights.perClass(data).forEach((k, w) -> out.put(new Label(k), w));
        return out;
    }

    /**
     * Registers {@code liblinear-path} for family {@code logistic}. Keys: {@code c-values} (explicit grid),
     * {@code count} (20), {@code ratio} (1e-3), {@code eps} (0.01), {@code max-iterations} (1000).
     */
    public static final class Factory implements MethodFactory {
        @Override
        public String name() {
            return "liblinear-path";
        }

        @Override
        public Set<String> families() {
            return Set.of(LogisticFamily.NAME);
        }

        @Override
        public PruningMethod create(Params prune, Params model, ModelFamily family, long seed) {
            Settings d = Settings.defaults();
            return new LibLinearPathMethod(
                    new Settings(
                            prune.getDoubles("c-values", new double[0], Double.MIN_NORMAL, Double.MAX_VALUE),
                            prune.getInt("count", d.count(), 1, 10_000),
                            prune.getDouble("ratio", d.ratio(), Double.MIN_NORMAL, 1 - 1e-12),
                            prune.getDouble("eps", d.eps(), Double.MIN_NORMAL, 1.0),
                            prune.getInt("max-iterations", d.maxIterations(), 1, Integer.MAX_VALUE)),
                    seed);
        }
    }
}
