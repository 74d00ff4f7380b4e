package org.prunekit.prune.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One step of greedy round selection: among candidate rounds r, the one minimising {@code loss(m + s·c_r)}, ties to
 * the secondary objective (if any), then to the lowest round. Cost O(n·K) per evaluated candidate.
 *
 * <p>When the objective offers a lower bound ({@link Objective#lowerBound}; for log-loss a curvature-corrected
 * first-order bound, a few flops per row and no exp/log), the step scores every candidate by it and evaluates
 * candidates exactly in bound order, stopping once the next bound exceeds the best exact loss found. The bound is
 * valid, so the choice equals that of evaluating every candidate.
 */
final class GreedyStep {

    private final Objective primary;
    private final Objective tieBreak;
    private long exactEvaluations;

    GreedyStep(Objective primary, Objective tieBreak) {
        this.primary = primary;
        this.tieBreak = tieBreak;
    }

    /** Exact loss evaluations so far (for benchmarks). */
    long exactEvaluations() {
        return exactEvaluations;
    }

    /** The chosen round among {@code candidates} (non-empty). */
    int pick(RoundContributions rc, Targets t, double[] m, int[] candidates, double s) {
        Objective.LowerBound lb = primary.lowerBound(m, t);
        if (lb == null) {
            return pickExhaustive(rc, t, m, candidates, s);
        }
        double[] bound = new double[candidates.length];
        Integer[] idx = new Integer[candidates.length];
        for (int j = 0; j < candidates.length; j++) {
            bound[j] = lb.at(rc.round(candidates[j]), s);
            idx[j] = j;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(bound[a], bound[b]));
        double best = Double.POSITIVE_INFINITY;
        List<Integer> tied = new ArrayList<>();
        for (int a : idx) {
            double slack = 1e-12 * Math.max(1.0, Math.abs(best));
            if (bound[a] > best + slack) {
                break;
            }
            double l = primary.loss(m, rc.round(candidates[a]), s, t);
            exactEvaluations++;
            if (l < best) {
                best = l;
                tied.clear();
                tied.add(candidates[a]);
            } else if (l == best) {
                tied.add(candidates[a]);
            }
        }
        return breakTie(rc, t, m, tied, s);
    }

    private int pickExhaustive(RoundContributions rc, Targets t, double[] m, int[] candidates, double s) {
        double best = Double.POSITIVE_INFINITY;
        List<Integer> tied = new ArrayList<>();
        for (int r : candidates) {
            double l = primary.loss(m, rc.round(r), s, t);
            exactEvaluations++;
            if (l < best) {
                best = l;
                tied.clear();
                tied.add(r);
            } else if (l == best) {
                tied.add(r);
            }
        }
        return breakTie(rc, t, m, tied, s);
    }

    private int breakTie(RoundContributions rc, Targets t, double[] m, List<Integer> tied, double s) {
        int bestR = Integer.MAX_VALUE;
        double best = Double.POSITIVE_INFINITY;
        for (int r : tied) {
            double l = tieBreak == null ? 0.0 : tieBreak.loss(m, rc.round(r), s, t);
            if (l < best || (l == best && r < bestR)) {
                best = l;
                bestR = r;
            }
        }
        return bestR;
    }
}
