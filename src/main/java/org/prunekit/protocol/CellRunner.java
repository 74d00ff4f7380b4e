package org.prunekit.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.config.SelectSpec;
import org.prunekit.data.Encoding;
import org.prunekit.data.Fold;
import org.prunekit.eval.Selection;
import org.prunekit.prune.FeatureUsage;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.FullPath;
import org.prunekit.spi.PathExport;
import org.prunekit.spi.PruningPath;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Runs one cell of the nested protocol: an arm on one outer fold (or on all rows, for the refit), or at once the
 * cells of several arms on the same model on that fold: those with the same {@link ArmSpec#workKey() work key} share
 * all the work below, and the others on the same model ({@link ArmSpec#modelKey()}) its fits.
 *
 * <ol>
 *   <li>The work no {@code select:} block changes, done once for all of them ({@link CellWork}): the training part,
 *       the model and its path, inner and outer scores, bundle bytes and the dense candidate's latency.</li>
 *   <li>Per arm: choose the operating point with the arm's rule, metric and {@code max-nonzero}
 *       ({@link Selection}), time the chosen candidate's latency (once per candidate however many arms choose it),
 *       and turn the shared bytes into the arm's own bundle's ({@link CandidateBytes#forArm}).</li>
 * </ol>
 * Each arm's result is the one it would get alone: seeds derive from the config seed and the cell's model identity
 * only ({@link #cellSeed}, {@link #innerSeed}). Time: the shared work's phase times are split evenly among the arms
 * (each records {@code 1/n} of every shared phase), and the per-arm work is the arm's own, so the arms' times still
 * sum to the work done; a chosen candidate's latency is charged to the first arm (in config order) that chose it, a
 * shared fit (its encoding and training) to the arms of the method that made it first.
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

    /** Models the cells of this JVM have trained so far (main and inner fits): lets tests count a study's fits. */
    public static long modelsTrained() {
        return CellWork.MODELS_TRAINED.get();
    }

    /** The seed of inner fit {@code j} of a cell. */
    public static long innerSeed(long cellSeed, int j) {
        return Seeds.of(cellSeed, "inner", j);
    }

    /** The seed of the inner split of outer fold (repeat, fold): the same for every arm, so arms are paired. */
    public static long innerSplitSeed(long seed, int repeat, int fold) {
        return Seeds.of(seed, "inner-split", repeat, fold);
    }

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
        return run(List.of(arm), outer).get(0);
    }

    /**
     * The cells of {@code arms} on {@code outer} (null: their refits): arms with the same work key share one cell's
     * work, and arms of other methods on the same model share its fits ({@link CellWork.Fits}); one outcome
     * per arm, in order, each equal to the arm's alone (apart from times).
     */
    public List<Outcome> run(List<ArmSpec> arms, Fold outer) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no arms");
        }
        Map<String, List<Integer>> byWork = new LinkedHashMap<>();
        for (int i = 0; i < arms.size(); i++) {
            byWork.computeIfAbsent(arms.get(i).workKey(), k -> new ArrayList<>())
                    .add(i);
        }
        long pruning = byWork.values().stream()
                .filter(same -> arms.get(same.get(0)).prunes())
                .count();
        CellWork.Fits fits = byWork.size() > 1 ? new CellWork.Fits(true, pruning > 1) : CellWork.Fits.NONE;
        Outcome[] out = new Outcome[arms.size()];
        for (List<Integer> same : byWork.values()) {
            CellWork work = CellWork.run(study, arms.get(same.get(0)), outer, fits);
            Map<String, PhaseTime> shared = new LinkedHashMap<>();
            work.clock().times().forEach((p, t) -> shared.put(p, t.share(same.size())));
            Map<Integer, Double> latency = new HashMap<>(work.latency());
            for (int i : same) {
                out[i] = outcome(arms.get(i), outer, work, shared, latency);
            }
        }
        return List.of(out);
    }

    /** {@code arm}'s outcome from the shared work: its choice, its bytes, its chosen candidate's latency. */
    private Outcome outcome(
            ArmSpec arm, Fold outer, CellWork w, Map<String, PhaseTime> shared, Map<Integer, Double> latency) {
        PhaseClock clock = new PhaseClock();
        PruningPath path = w.path();
        List<Candidate> cands = w.candidates();
        InnerScores scores = w.scores();
        SelectSpec select = cfg.selectFor(arm);
        String sel = select.metric().configName();
        Selection.Choice choice = scores.folds() == 0
                ? new Selection.Choice(0, null)
                : Selection.choose(
                        select.rule(),
                        scores.mean(sel),
                        scores.sd(sel),
                        scores.folds(),
                        path.nonZeroParameters(),
                        select.metric().higherIsBetter(),
                        select.maxNonZero());
        // the chosen candidate's latency, unless the shared work or an earlier arm timed it
        latency.computeIfAbsent(choice.index(), i -> w.timeLatency(i, cfg, clock));

        List<CandidateResult> results = new ArrayList<>();
        PruningRecord template = CandidateBytes.template(
                cfg, arm, path.strengthName(), cands.get(0).size().parameters());
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            PruningRecord own = CandidateBytes.record(template, i, c);
            int k = i;
            SizeMeter.Bytes b = clock.time(
                    PhaseClock.SIZE,
                    () -> CandidateBytes.forArm(w.bytes().get(k), w.records().get(k), own));
            results.add(new CandidateResult(
                    i,
                    c.strength(),
                    c.size().parameters(),
                    c.size().nonZeroParameters(),
                    c.size().details(),
                    b.bytes(),
                    b.format(),
                    latency.getOrDefault(i, Double.NaN),
                    scores.threshold(i),
                    scores.means(i),
                    scores.sds(i),
                    w.outer().get(i),
                    c.model() instanceof FeatureUsage fu ? sorted(fu.featuresUsed()) : null));
        }
        List<String> used = List.copyOf(
                new TreeSet<>(FeatureUsage.of(cands.get(choice.index()).model())));
        Map<String, double[]> columns = path instanceof PathExport pe ? pe.exportColumns() : Map.of();
        List<String> features = new ArrayList<>();
        w.part().data().getFeatureMap().forEach(info -> features.add(info.getName()));
        Map<String, PhaseTime> phases = new LinkedHashMap<>(shared);
        clock.times().forEach((p, t) -> phases.merge(p, t, PhaseTime::plus));
        CellResult result = new CellResult(
                arm.name(),
                outer == null ? -1 : outer.repeat(),
                outer == null ? -1 : outer.index(),
                path.strengthName(),
                scores.folds(),
                choice.index(),
                note(choice.note(), path.warnings()),
                w.trainRows(),
                w.testRows(),
                results,
                used,
                columns,
                sorted(features),
                phases,
                path instanceof FullPath fp ? fp.fullPath() : null);
        return new Outcome(
                result,
                cands.get(choice.index()).model(),
                cands,
                w.part().encoder().encoding());
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

    private static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
