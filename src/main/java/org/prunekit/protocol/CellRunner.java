package org.prunekit.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.config.SelectSpec;
import org.prunekit.config.SplitSpec;
import org.prunekit.data.Encoding;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Metrics;
import org.prunekit.eval.Selection;
import org.prunekit.prune.FeatureUsage;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.FullPath;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.PathExport;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Runs one cell of the nested protocol: an arm on one outer fold (or on all rows, for the refit).
 *
 * <ol>
 *   <li>Fit the encoder and apply the imbalance strategy on the outer training rows only ({@link TrainingPart}).</li>
 *   <li>Train the arm's model and compute its pruning path.</li>
 *   <li>Score the path on inner data only: inner k-fold (each inner fold trains its own model and path, and
 *       candidate {@code i} is scored as {@code innerPath.at(path.selectionPoints()[i])} on the inner validation
 *       fold), or an inner holdout for methods that use validation data (the model is trained on the fit part and
 *       the validation part goes to {@code path(...)}).</li>
 *   <li>Choose the operating point with the rule ({@link Selection}); with strategy {@code threshold}, each
 *       candidate's threshold is chosen on its pooled inner validation scores.</li>
 *   <li>Score every candidate on the outer test fold ({@code path.scoreAll}) and measure bytes and latency.</li>
 * </ol>
 * Seeds derive from the config seed and the cell's identity only ({@link #cellSeed}, {@link #innerSeed}).
 */
public final class CellRunner {

    private final Study study;
    private final ExperimentConfig cfg;

    public CellRunner(Study study) {
        this.study = study;
        this.cfg = study.config();
    }

    /**
     * The seed of a cell: trainer, method and resampler of its main fit. It derives from the model spec
     * ({@link ArmSpec#modelKey()}: family and model parameters), not the arm's name, so arms with equal models train
     * equal models on the same fold (a dense arm and candidate 0 of its pruned twin are the same net).
     */
    public static long cellSeed(long seed, String modelKey, int repeat, int fold) {
        return Seeds.of(seed, modelKey, repeat, fold);
    }

    /** The seed of inner fit {@code j} of a cell. */
    public static long innerSeed(long cellSeed, int j) {
        return Seeds.of(cellSeed, "inner", j);
    }

    /** The seed of the inner split of outer fold (repeat, fold): the same for every arm, so arms are paired. */
    public static long innerSplitSeed(long seed, int repeat, int fold) {
        return Seeds.of(seed, "inner-split", repeat, fold);
    }

    /** A fitted model with its training part. */
    private record Fit(TrainingPart part, Model<Label> model) {}

    /** Outcome of {@link #run}: the result, and the chosen model (kept for the refit, which saves it). */
    /**
     * Outcome of {@link #run}: the result, the chosen model, every candidate of the path and the fitted encoding
     * (kept for the refit, which saves the chosen model, or every candidate, as model bundles).
     */
    public record Outcome(CellResult result, Model<Label> chosenModel, List<Candidate> candidates, Encoding encoding) {
        public Outcome {
            candidates = List.copyOf(candidates);
        }

        public Outcome(CellResult result, Model<Label> chosenModel) {
            this(result, chosenModel, List.of(), null);
        }
    }

    /**
     * @param outer the outer fold, or null for the refit on all rows
     */
    public Outcome run(ArmSpec arm, Fold outer) {
        int repeat = outer == null ? -1 : outer.repeat();
        int fold = outer == null ? -1 : outer.index();
        int[] trainRows = outer == null ? allRows() : outer.train();
        int[] testRows = outer == null ? new int[0] : outer.test();
        long seed = cellSeed(cfg.split().seed(), arm.modelKey(), repeat, fold);
        ModelFamily family = arm.familyImpl();
        MethodFactory factory = arm.methodImpl();
        PruningMethod method = factory.create(arm.pruneParams(), arm.modelParams(), family, seed);
        PhaseClock clock = new PhaseClock();

        List<int[][]> inner = innerSplits(
                trainRows, method.usesValidation(), innerSplitSeed(cfg.split().seed(), repeat, fold));
        InnerScores scores;
        Fit main;
        PruningPath path;
        if (method.usesValidation()) {
            int[] fitRows = inner.get(0)[0];
            int[] valRows = inner.get(0)[1];
            Fit m = fit(arm, family, method, fitRows, seed, clock);
            main = m;
            MutableDataset<Label> val =
                    clock.time(PhaseClock.ENCODE, () -> m.part().encoder().encode(valRows));
            PruningPath p = clock.time(
                    PhaseClock.PATH, () -> method.path(m.model(), m.part().data(), val));
            path = p;
            scores = new InnerScores(path.candidates().size(), 1);
            int[] yVal = labels(valRows);
            InnerScores s = scores;
            clock.run(PhaseClock.INNER, () -> p.scoreAll(val, study.classes(), (i, probs) -> s.add(i, 0, yVal, probs)));
        } else {
            Fit m = fit(arm, family, method, trainRows, seed, clock);
            main = m;
            path = clock.time(
                    PhaseClock.PATH, () -> method.path(m.model(), m.part().data(), null));
            double[] points = path.selectionPoints();
            if (points.length != path.candidates().size()) {
                throw new IllegalStateException(arm.method() + ": selectionPoints() has " + points.length
                        + " entries for " + path.candidates().size() + " candidates");
            }
            // a one-candidate path (method none) has nothing to select: no inner fits, unless a threshold is chosen
            // on inner scores
            boolean select = points.length > 1 || cfg.imbalance().strategy().equals("threshold");
            InnerScores cv = new InnerScores(points.length, select ? inner.size() : 0);
            scores = cv;
            for (int j = 0; select && j < inner.size(); j++) {
                long s = innerSeed(seed, j);
                PruningMethod innerMethod = factory.create(arm.pruneParams(), arm.modelParams(), family, s);
                Fit f = fit(arm, family, innerMethod, inner.get(j)[0], s, clock);
                PruningPath innerPath = clock.time(
                        PhaseClock.PATH,
                        () -> innerMethod.path(f.model(), f.part().data(), null));
                int[] valRows = inner.get(j)[1];
                MutableDataset<Label> val =
                        clock.time(PhaseClock.ENCODE, () -> f.part().encoder().encode(valRows));
                int[] yVal = labels(valRows);
                int innerFold = j;
                clock.run(
                        PhaseClock.INNER,
                        () -> innerPath.scoreAt(
                                points, val, study.classes(), (i, probs) -> cv.add(i, innerFold, yVal, probs)));
            }
        }
        InnerScores sc = scores;
        clock.run(PhaseClock.INNER, sc::finish);

        // a path may build its candidate models on first use (tree-drop): that is path work, not size or latency
        PruningPath built = path;
        List<Candidate> cands = clock.time(PhaseClock.PATH, () -> List.copyOf(built.candidates()));
        long[] nonZero = path.nonZeroParameters();
        SelectSpec select = cfg.selectFor(arm);
        String sel = select.metric().configName();
        Selection.Choice choice = scores.folds() == 0
                ? new Selection.Choice(0, null)
                : Selection.choose(
                        select.rule(),
                        scores.mean(sel),
                        scores.sd(sel),
                        scores.folds(),
                        nonZero,
                        select.metric().higherIsBetter(),
                        select.maxNonZero());

        List<Map<String, Double>> outerScores = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            outerScores.add(Map.of());
        }
        List<Example<Label>> timed;
        Fit mainFit = main;
        PruningPath mainPath = path;
        if (testRows.length > 0) {
            MutableDataset<Label> test =
                    clock.time(PhaseClock.ENCODE, () -> mainFit.part().encoder().encode(testRows));
            int[] yTest = labels(testRows);
            clock.run(
                    PhaseClock.OUTER,
                    () -> mainPath.scoreAll(
                            test,
                            study.classes(),
                            (i, probs) -> outerScores.set(
                                    i,
                                    named(Metrics.computeAll(
                                            cfg.metrics(), yTest, probs, study.positive(), sc.threshold(i))))));
            timed = sample(test);
        } else {
            timed = clock.time(
                    PhaseClock.ENCODE,
                    () -> sample(mainFit.part()
                            .encoder()
                            .encode(Arrays.copyOf(
                                    trainRows,
                                    Math.min(trainRows.length, cfg.output().latencyRows())))));
        }
        List<CandidateResult> out = new ArrayList<>();
        Encoding encoding = main.part().encoder().encoding();
        CandidateBytes bytes = new CandidateBytes(
                study, arm, encoding, path.strengthName(), cands.get(0).size().parameters());
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            int k = i;
            SizeMeter.Bytes b = clock.time(PhaseClock.SIZE, () -> bytes.of(k, c, sc.threshold(k)));
            // latency of the dense candidate (index 0) and the chosen one; of every candidate with timing.candidates
            boolean timeIt = cfg.output().latencyAll() || i == 0 || i == choice.index();
            double latency = timeIt
                    ? clock.time(
                            PhaseClock.LATENCY,
                            () -> SizeMeter.latencyMicros(
                                    c.model(), timed, cfg.output().latencyRepeats()))
                    : Double.NaN;
            out.add(new CandidateResult(
                    i,
                    c.strength(),
                    c.size().parameters(),
                    c.size().nonZeroParameters(),
                    c.size().details(),
                    b.bytes(),
                    b.format(),
                    latency,
                    scores.threshold(i),
                    scores.means(i),
                    scores.sds(i),
                    outerScores.get(i),
                    c.model() instanceof FeatureUsage fu ? sorted(fu.featuresUsed()) : null));
        }
        List<String> used = List.copyOf(
                new TreeSet<>(FeatureUsage.of(cands.get(choice.index()).model())));
        Map<String, double[]> columns = path instanceof PathExport pe ? pe.exportColumns() : Map.of();
        List<String> features = new ArrayList<>();
        main.part().data().getFeatureMap().forEach(info -> features.add(info.getName()));
        CellResult result = new CellResult(
                arm.name(),
                repeat,
                fold,
                path.strengthName(),
                scores.folds(),
                choice.index(),
                note(choice.note(), path.warnings()),
                trainRows.length,
                testRows.length,
                out,
                used,
                columns,
                sorted(features),
                clock.times(),
                path instanceof FullPath fp ? fp.fullPath() : null);
        return new Outcome(result, cands.get(choice.index()).model(), cands, encoding);
    }

    /** The rule's note and the path's warnings, joined by "; " (null when there are none). */
    private static String note(String ruleNote, List<String> pathWarnings) {
        List<String> all = new ArrayList<>();
        if (ruleNote != null) {
            all.add(ruleNote);
        }
        all.addAll(pathWarnings);
        return all.isEmpty() ? null : String.join("; ", all);
    }

    /** The training part of {@code rows} and the arm's model trained on it (null when the method does not use it). */
    private Fit fit(ArmSpec arm, ModelFamily family, PruningMethod method, int[] rows, long seed, PhaseClock clock) {
        TrainingPart part = clock.time(
                PhaseClock.ENCODE,
                () -> TrainingPart.of(
                        study.table(),
                        rows,
                        cfg.data().schema().missingIndicators(),
                        cfg.imbalance(),
                        cfg.imbalance().resamples()
                                ? study.resamplers().apply(cfg.imbalance().strategy())
                                : null,
                        seed));
        if (!method.usesModel()) {
            return new Fit(part, null);
        }
        Model<Label> model =
                clock.time(PhaseClock.FIT, () -> family.trainer(arm.modelParams(), seed, part.classWeights())
                        .train(part.data()));
        return new Fit(part, model);
    }

    /** Inner (train, validation) row pairs of an outer training part. */
    private List<int[][]> innerSplits(int[] trainRows, boolean holdout, long seed) {
        SplitSpec.Part inner = cfg.split().inner();
        int[] y = labels(trainRows);
        List<int[][]> out = new ArrayList<>();
        if (holdout || inner.kind().equals(SplitSpec.HOLDOUT)) {
            double frac = inner.kind().equals(SplitSpec.HOLDOUT) ? inner.testFraction() : 0.2;
            Fold f = StratifiedSplits.holdout(y, frac, seed);
            out.add(new int[][] {map(trainRows, f.train()), map(trainRows, f.test())});
        } else {
            for (Fold f : StratifiedSplits.kFold(y, inner.folds(), 1, seed)) {
                out.add(new int[][] {map(trainRows, f.train()), map(trainRows, f.test())});
            }
        }
        return out;
    }

    private static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }

    private static int[] map(int[] rows, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = rows[idx[i]];
        }
        return out;
    }

    private int[] labels(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = study.label(rows[i]);
        }
        return out;
    }

    private int[] allRows() {
        int[] all = new int[study.table().rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private List<Example<Label>> sample(MutableDataset<Label> data) {
        List<Example<Label>> out = new ArrayList<>();
        for (Example<Label> e : data) {
            if (out.size() >= cfg.output().latencyRows()) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** Metric values by config name, in the config's metric order. */
    private Map<String, Double> named(Map<Metric, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        cfg.metrics().forEach(k -> out.put(k.configName(), m.get(k)));
        return out;
    }

    /**
     * Inner scores per candidate and fold. With strategy {@code threshold} (binary), the positive-class scores are
     * pooled over inner folds first, a threshold per candidate is chosen on them, and metrics use it; otherwise
     * metrics are computed at once with argmax.
     */
    private final class InnerScores {
        private final int folds;
        private final double[][][] values; // [candidate][metric][fold]
        private final double[] thresholds;
        private final boolean threshold = cfg.imbalance().strategy().equals("threshold");
        private final List<List<int[]>> ys = new ArrayList<>();
        private final List<List<double[][]>> probs = new ArrayList<>();
        private double[][] mean;
        private double[][] sd;

        InnerScores(int candidates, int folds) {
            this.folds = folds;
            this.values = new double[candidates][cfg.metrics().size()][folds];
            this.thresholds = new double[candidates];
            // two classes: P(pos) >= 0.5 unless the threshold strategy chooses one; more classes: argmax (NaN)
            Arrays.fill(thresholds, study.classes().size() == 2 ? Metrics.DEFAULT_THRESHOLD : Double.NaN);
            for (int i = 0; i < candidates; i++) {
                ys.add(new ArrayList<>(Collections.nCopies(folds, null)));
                probs.add(new ArrayList<>(Collections.nCopies(folds, null)));
            }
        }

        /** The last matrix scored and where its values went: a path hands one matrix to every point it stands for. */
        private double[][] lastProbs;

        private int[] lastY;
        private int lastCandidate;
        private int lastFold;

        void add(int candidate, int fold, int[] y, double[][] p) {
            if (threshold) {
                ys.get(candidate).set(fold, y);
                probs.get(candidate).set(fold, p);
            } else if (p == lastProbs && y == lastY && fold == lastFold) {
                for (int m = 0; m < cfg.metrics().size(); m++) {
                    values[candidate][m][fold] = values[lastCandidate][m][fold];
                }
            } else {
                store(candidate, fold, y, p, thresholds[candidate]);
                lastProbs = p;
                lastY = y;
                lastCandidate = candidate;
                lastFold = fold;
            }
        }

        private void store(int candidate, int fold, int[] y, double[][] p, double t) {
            // computeAll: one sort shared by ROC-AUC and average precision, one confusion matrix for the rest
            Map<Metric, Double> all = Metrics.computeAll(cfg.metrics(), y, p, study.positive(), t);
            for (int m = 0; m < cfg.metrics().size(); m++) {
                values[candidate][m][fold] = all.get(cfg.metrics().get(m));
            }
        }

        void finish() {
            int n = values.length;
            if (threshold) {
                for (int i = 0; i < n; i++) {
                    int[] y = ys.get(i).stream().flatMapToInt(Arrays::stream).toArray();
                    double[][] p = probs.get(i).stream().flatMap(Arrays::stream).toArray(double[][]::new);
                    thresholds[i] = cfg.imbalance()
                            .impl()
                            .threshold(y, p, study.positive())
                            .value();
                    for (int j = 0; j < folds; j++) {
                        store(i, j, ys.get(i).get(j), probs.get(i).get(j), thresholds[i]);
                    }
                    ys.get(i).clear();
                    probs.get(i).clear();
                }
            }
            int k = cfg.metrics().size();
            mean = new double[k][n];
            sd = new double[k][n];
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < k; m++) {
                    double[] v = values[i][m];
                    double mu = Arrays.stream(v).sum() / v.length;
                    double ss = 0;
                    for (double x : v) {
                        ss += (x - mu) * (x - mu);
                    }
                    mean[m][i] = mu;
                    sd[m][i] = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN;
                }
            }
        }

        int folds() {
            return folds;
        }

        double threshold(int i) {
            return thresholds[i];
        }

        double[] mean(String metric) {
            return mean[index(metric)].clone();
        }

        double[] sd(String metric) {
            return sd[index(metric)].clone();
        }

        Map<String, Double> means(int i) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (int m = 0; m < cfg.metrics().size(); m++) {
                out.put(cfg.metrics().get(m).configName(), mean[m][i]);
            }
            return out;
        }

        Map<String, Double> sds(int i) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (int m = 0; m < cfg.metrics().size(); m++) {
                out.put(cfg.metrics().get(m).configName(), sd[m][i]);
            }
            return out;
        }

        private int index(String metric) {
            for (int m = 0; m < cfg.metrics().size(); m++) {
                if (cfg.metrics().get(m).configName().equals(metric)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(metric);
        }
    }
}
