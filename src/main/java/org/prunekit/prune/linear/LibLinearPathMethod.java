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
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.Range;
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
            cs = C_VALUES.check(cs.clone());
            COUNT.check(count);
            RATIO.check(ratio);
            EPS.check(eps);
            MAX_ITERATIONS.check(maxIterations);
        }

        @Override
        public double[] cs() {
            return cs.clone();
        }

        public static Settings defaults() {
            return of(SCHEMA.defaults());
        }

        static Settings of(ParamValues v) {
            return new Settings(v.get(C_VALUES), v.get(COUNT), v.get(RATIO), v.get(EPS), v.get(MAX_ITERATIONS));
        }
    }

    static final ParamSpec<double[]> C_VALUES = ParamSpec.numbers(
            "c-values",
            new double[0],
            Range.open(0, Double.POSITIVE_INFINITY),
            "an explicit grid of C (inverse L1 penalty); empty = `count` values from the data");
    static final ParamSpec<Integer> COUNT =
            ParamSpec.integer("count", 20, 1, 10_000, "grid size when c-values is empty");
    static final ParamSpec<Double> RATIO = ParamSpec.number(
            "ratio", 1e-3, Range.open(0, 1), "smallest penalty of the automatic grid as a fraction of the largest");
    static final ParamSpec<Double> EPS =
            ParamSpec.number("eps", 0.01, Range.openClosed(0, 1), "LibLinear's stopping tolerance");
    static final ParamSpec<Integer> MAX_ITERATIONS =
            ParamSpec.integer("max-iterations", 1000, 1, Integer.MAX_VALUE, "LibLinear's iteration limit");
    private static final ParamSchema SCHEMA = ParamSchema.of(C_VALUES, COUNT, RATIO, EPS, MAX_ITERATIONS);

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

    /** Every candidate is its own LibLinear fit; the family's glmnet path would be thrown away. */
    @Override
    public boolean usesModel() {
        return false;
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

    /** Registers {@code liblinear-path} for family {@code logistic}; keys in {@link #SCHEMA}. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super(
                    "liblinear-path",
                    Set.of(LogisticFamily.NAME),
                    SCHEMA,
                    (prune, model, family, seed) -> new LibLinearPathMethod(Settings.of(prune), seed));
        }
    }
}
