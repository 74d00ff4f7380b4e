package org.prunekit.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.config.SplitSpec;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Metrics;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The work of one cell that its arm's {@code select:} block does not change, done once for every arm of a study with
 * the same {@link ArmSpec#workKey() work key} on one outer fold (or the refit):
 *
 * <ol>
 *   <li>Fit the encoder and apply the imbalance strategy on the outer training rows only ({@link TrainingPart}).</li>
 *   <li>Train the model and compute its pruning path.</li>
 *   <li>Score the path on inner data only: inner k-fold (each inner fold trains its own model and path, and
 *       candidate {@code i} is scored as {@code innerPath.at(path.selectionPoints()[i])} on the inner validation
 *       fold), or an inner holdout for methods that use validation data (the model is trained on the fit part and
 *       the validation part goes to {@code path(...)}). With strategy {@code threshold}, each candidate's threshold
 *       is chosen on its pooled inner validation scores ({@link InnerScores}).</li>
 *   <li>Score every candidate on the outer test fold ({@code path.scoreAll}), measure its bundle bytes (with the
 *       first arm's pruning record; {@link CandidateBytes#forArm} turns them into another arm's exactly), and time
 *       the dense candidate's latency (every candidate's with {@code timing.candidates: all}).</li>
 * </ol>
 * The time of all this is on {@link #clock()}; {@link CellRunner} splits it evenly among the arms that share it.
 *
 * @param trainRows  outer training rows
 * @param testRows   outer test rows (0 for the refit)
 * @param part       the main fit's training part (its encoder and encoded data)
 * @param path       the main fit's pruning path
 * @param candidates every candidate of the path, built
 * @param scores     every candidate's inner scores and threshold
 * @param outer      metrics of each candidate on the outer test fold (empty maps for the refit)
 * @param timed      the rows latency is timed on
 * @param bytes      the bytes of each candidate's bundle, measured with {@link #records()}
 * @param records    the pruning record of each candidate's bundle as measured (the first arm's)
 * @param latency    latency in microseconds of the candidates timed here (the dense one, or all), by index
 * @param clock      the phase times of all this work
 */
record CellWork(
        int trainRows,
        int testRows,
        TrainingPart part,
        PruningPath path,
        List<Candidate> candidates,
        InnerScores scores,
        List<Map<String, Double>> outer,
        List<Example<Label>> timed,
        List<SizeMeter.Bytes> bytes,
        List<PruningRecord> records,
        Map<Integer, Double> latency,
        PhaseClock clock) {

    /** A fitted model with its training part (model null when the method does not use it). */
    private record Fit(TrainingPart part, Model<Label> model) {}

    /** Models trained by cells in this JVM so far (main and inner fits): {@link CellRunner#modelsTrained()}. */
    static final AtomicLong MODELS_TRAINED = new AtomicLong();

    /**
     * The fits (training part and model) of one fold's cells, kept for the arms of other methods on the same model: a
     * fit depends only on the model spec, the rows and the seed, which derives from the model spec
     * ({@link CellRunner#cellSeed}, {@link CellRunner#innerSeed}), so a {@code none} arm and its pruned twin train their
     * main model once, and two pruning methods on one model (say two cost-complexity settings) their inner models
     * too. Inner fits are kept only when a second pruning method will ask for them ({@code keepInner}): the second
     * one runs after the first one's whole cell, so keeping them holds every inner training part at once.
     * {@link #NONE} keeps nothing (one method: no one to share with). Not thread-safe; lives as long as one group of
     * cells.
     */
    static final class Fits {
        static final Fits NONE = new Fits(false, false);

        private final boolean keepMain;
        private final boolean keepInner;
        private final Map<String, List<Map.Entry<int[], Fit>>> fits = new HashMap<>();

        Fits(boolean keepMain, boolean keepInner) {
            this.keepMain = keepMain;
            this.keepInner = keepInner;
        }

        private Fit get(ArmSpec arm, long seed, boolean withModel, int[] rows, boolean inner, Supplier<Fit> fit) {
            if (!(inner ? keepInner : keepMain)) {
                return fit.get();
            }
            List<Map.Entry<int[], Fit>> same =
                    fits.computeIfAbsent(arm.modelKey() + " " + seed + " " + withModel, k -> new ArrayList<>());
            for (Map.Entry<int[], Fit> e : same) {
                if (Arrays.equals(e.getKey(), rows)) {
                    return e.getValue();
                }
            }
            Fit f = fit.get();
            same.add(Map.entry(rows, f));
            return f;
        }
    }

    /**
     * Does the shared work of {@code arm}'s cell on {@code outer} (null: the refit on all rows), each fit taken from
     * {@code fits} when an arm of another method on the same model already made it.
     */
    static CellWork run(Study study, ArmSpec arm, Fold outer, Fits fits) {
        return new Worker(study, fits).run(arm, outer);
    }

    CellWork {
        latency = Map.copyOf(latency);
    }

    /** Times the latency of candidate {@code i} in microseconds on {@code clock}. */
    double timeLatency(int i, ExperimentConfig cfg, PhaseClock clock) {
        return measureLatency(candidates.get(i).model(), timed, cfg, clock);
    }

    private static double measureLatency(
            Model<Label> m, List<Example<Label>> rows, ExperimentConfig cfg, PhaseClock clock) {
        return clock.time(
                PhaseClock.LATENCY,
                () -> SizeMeter.latencyMicros(m, rows, cfg.output().latencyRepeats()));
    }

    private static final class Worker {
        private final Study study;
        private final ExperimentConfig cfg;
        private final Fits fits;
        private final PhaseClock clock = new PhaseClock();

        Worker(Study study, Fits fits) {
            this.study = study;
            this.cfg = study.config();
            this.fits = fits;
        }

        CellWork run(ArmSpec arm, Fold outer) {
            int repeat = outer == null ? -1 : outer.repeat();
            int fold = outer == null ? -1 : outer.index();
            int[] trainRows = outer == null ? allRows() : outer.train();
            int[] testRows = outer == null ? new int[0] : outer.test();
            long seed = CellRunner.cellSeed(cfg.split().seed(), arm.modelKey(), repeat, fold);
            ModelFamily family = arm.familyImpl();
            MethodFactory factory = arm.methodImpl();
            PruningMethod method = factory.create(arm.pruneParams(), arm.modelParams(), family, seed);

            List<int[][]> inner = innerSplits(
                    trainRows,
                    method.usesValidation(),
                    CellRunner.innerSplitSeed(cfg.split().seed(), repeat, fold));
            InnerScores scores;
            Fit main;
            PruningPath path;
            if (method.usesValidation()) {
                int[] fitRows = inner.get(0)[0];
                int[] valRows = inner.get(0)[1];
                Fit m = sharedFit(arm, family, method, fitRows, seed, false);
                main = m;
                MutableDataset<Label> val =
                        clock.time(PhaseClock.ENCODE, () -> m.part().encoder().encode(valRows));
                PruningPath p = clock.time(
                        PhaseClock.PATH, () -> method.path(m.model(), m.part().data(), val));
                path = p;
                scores = new InnerScores(study, path.candidates().size(), 1);
                int[] yVal = labels(valRows);
                InnerScores s = scores;
                clock.run(
                        PhaseClock.INNER,
                        () -> p.scoreAll(val, study.classes(), (i, probs) -> s.add(i, 0, yVal, probs)));
            } else {
                Fit m = sharedFit(arm, family, method, trainRows, seed, false);
                main = m;
                path = clock.time(
                        PhaseClock.PATH, () -> method.path(m.model(), m.part().data(), null));
                double[] points = path.selectionPoints();
                if (points.length != path.candidates().size()) {
                    throw new IllegalStateException(arm.method() + ": selectionPoints() has " + points.length
                            + " entries for " + path.candidates().size() + " candidates");
                }
                // a one-candidate path (method none) has nothing to select: no inner fits, unless a threshold is
                // chosen on inner scores
                boolean select = points.length > 1 || cfg.imbalance().strategy().equals("threshold");
                InnerScores cv = new InnerScores(study, points.length, select ? inner.size() : 0);
                scores = cv;
                for (int j = 0; select && j < inner.size(); j++) {
                    long s = CellRunner.innerSeed(seed, j);
                    PruningMethod innerMethod = factory.create(arm.pruneParams(), arm.modelParams(), family, s);
                    Fit f = sharedFit(arm, family, innerMethod, inner.get(j)[0], s, true);
                    PruningPath innerPath = clock.time(
                            PhaseClock.PATH,
                            () -> innerMethod.path(f.model(), f.part().data(), null));
                    int[] valRows = inner.get(j)[1];
                    MutableDataset<Label> val = clock.time(
                            PhaseClock.ENCODE, () -> f.part().encoder().encode(valRows));
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

            List<Map<String, Double>> outerScores = new ArrayList<>();
            for (int i = 0; i < cands.size(); i++) {
                outerScores.add(Map.of());
            }
            List<Example<Label>> timed;
            Fit mainFit = main;
            PruningPath mainPath = path;
            if (testRows.length > 0) {
                MutableDataset<Label> test = clock.time(
                        PhaseClock.ENCODE, () -> mainFit.part().encoder().encode(testRows));
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

            CandidateBytes sizer =
                    new CandidateBytes(study, main.part().encoder().encoding());
            PruningRecord template = CandidateBytes.template(
                    cfg, arm, path.strengthName(), cands.get(0).size().parameters());
            List<SizeMeter.Bytes> bytes = new ArrayList<>();
            List<PruningRecord> records = new ArrayList<>();
            for (int i = 0; i < cands.size(); i++) {
                Candidate c = cands.get(i);
                PruningRecord r = CandidateBytes.record(template, i, c);
                int k = i;
                bytes.add(clock.time(PhaseClock.SIZE, () -> sizer.of(r, c, sc.threshold(k))));
                records.add(r);
            }
            // latency of the dense candidate (index 0); of every candidate with timing.candidates (the chosen ones
            // are timed per arm, CellRunner)
            Map<Integer, Double> latency = new HashMap<>();
            for (int i = 0; i < (cfg.output().latencyAll() ? cands.size() : 1); i++) {
                latency.put(i, measureLatency(cands.get(i).model(), timed, cfg, clock));
            }
            return new CellWork(
                    trainRows.length,
                    testRows.length,
                    main.part(),
                    path,
                    cands,
                    scores,
                    outerScores,
                    timed,
                    bytes,
                    records,
                    latency,
                    clock);
        }

        /** {@link #fit}, or the same fit made earlier for an arm of another method on the same model and rows. */
        private Fit sharedFit(
                ArmSpec arm, ModelFamily family, PruningMethod method, int[] rows, long seed, boolean inner) {
            return fits.get(arm, seed, method.usesModel(), rows, inner, () -> fit(arm, family, method, rows, seed));
        }

        /** The training part of {@code rows} and the arm's model trained on it (null when the method does not use it). */
        private Fit fit(ArmSpec arm, ModelFamily family, PruningMethod method, int[] rows, long seed) {
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
            MODELS_TRAINED.incrementAndGet();
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
    }
}
