package org.prunekit.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.protocol.CandidateResult;
import org.prunekit.protocol.CellResult;

/**
 * Pitfall warnings that need the finished cells (docs/pitfalls.md), one line each, starting with a stable id:
 * <ul>
 *   <li>{@code accuracy-hides-collapse}: an arm's chosen candidates have outer accuracy within 0.01 of the majority
 *       class's share while their balanced accuracy is below 0.55 (means over outer folds): the model predicts
 *       (almost) only the majority class, and accuracy does not show it;</li>
 *   <li>{@code no-speedup}: in the outer folds where an arm's chosen candidate keeps under half of its parameters
 *       non-zero, its serialized size is still at least 80 % of the path's largest candidate's (mean over those
 *       folds): what the model stores besides its parameters dominates, so pruning saved little space.</li>
 * </ul>
 * Messages hold no timing figure, so {@code warnings.txt} is as deterministic as the results. The config-only pitfall {@code alpha-across-criteria} is checked with the config
 * ({@link org.prunekit.config.DataChecks}).
 */
public final class PitfallChecks {

    /** Accuracy this close to the majority share counts as "majority-class accuracy". */
    static final double NEAR_MAJORITY = 0.01;
    /** Balanced accuracy below this counts as collapse (0.5 = chance for two classes). */
    static final double COLLAPSED = 0.55;

    private PitfallChecks() {}

    /**
     * @param classCounts rows per class over the whole dataset
     * @return warning lines, in arm order
     */
    public static List<String> check(ExperimentConfig cfg, List<CellResult> cells, int[] classCounts) {
        Map<String, List<CellResult>> byArm = new LinkedHashMap<>();
        cfg.arms().forEach(a -> byArm.put(a.name(), new ArrayList<>()));
        for (CellResult c : cells) {
            if (!c.refitOnAll() && byArm.containsKey(c.arm())) {
                byArm.get(c.arm()).add(c);
            }
        }
        long n = 0;
        long majority = 0;
        for (int k : classCounts) {
            n += k;
            majority = Math.max(majority, k);
        }
        double share = n == 0 ? Double.NaN : (double) majority / n;
        List<String> out = new ArrayList<>();
        byArm.forEach((arm, list) -> {
            if (list.isEmpty()) {
                return;
            }
            double acc = meanChosen(list, "accuracy");
            double bacc = meanChosen(list, "balanced-accuracy");
            if (Math.abs(acc - share) <= NEAR_MAJORITY && bacc < COLLAPSED) {
                out.add(String.format(
                        Locale.ROOT,
                        "accuracy-hides-collapse: arm %s's chosen candidates have accuracy %.3f (majority share %.3f)"
                                + " but balanced accuracy %.2f: they predict almost only the majority class; select by"
                                + " balanced-accuracy, mcc or average-precision",
                        arm,
                        acc,
                        share,
                        bacc));
            }
            double kept = 0;
            double storage = 0;
            int pruned = 0;
            for (CellResult c : list) {
                CandidateResult chosen = c.chosenCandidate();
                double k = chosen.parameters() == 0 ? 1 : (double) chosen.nonZero() / chosen.parameters();
                if (k >= 0.5) {
                    continue;
                }
                CandidateResult largest = c.candidates().get(0);
                for (CandidateResult other : c.candidates()) {
                    if (other.bytes() > largest.bytes()) {
                        largest = other;
                    }
                }
                pruned++;
                kept += k;
                storage += largest.bytes() <= 0 ? 0 : (double) chosen.bytes() / largest.bytes();
            }
            if (pruned > 0 && storage / pruned >= 0.8) {
                out.add(String.format(
                        Locale.ROOT,
                        "no-speedup: arm %s's chosen candidates keep %.0f %% of their parameters non-zero (in %d of %d"
                                + " outer folds) but %.0f %% of the bytes of the path's largest candidate: what the model"
                                + " stores besides its parameters (names, levels, structure) dominates, so pruning saved"
                                + " little space (compare bytes and latency_us in candidates.csv)",
                        arm,
                        100 * kept / pruned,
                        pruned,
                        list.size(),
                        100 * storage / pruned));
            }
        });
        return out;
    }

    /** Mean over cells of the chosen candidate's outer value of {@code metric}; NaN when it was not computed. */
    private static double meanChosen(List<CellResult> cells, String metric) {
        double s = 0;
        for (CellResult c : cells) {
            Double v = c.chosenCandidate().outer().get(metric);
            if (v == null) {
                return Double.NaN;
            }
            s += v;
        }
        return s / cells.size();
    }
}
