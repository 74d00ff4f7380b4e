package org.prunekit.prune.ensemble;

/**
 * {@code forward}: ordered aggregation by greedy forward selection. Starting from no round, repeatedly add the round
 * that most lowers the objective of the margins on the selection rows (Martínez-Muñoz, Hernández-Lobato and Suárez,
 * "An analysis of ensemble pruning techniques based on ordered aggregation", IEEE TPAMI 31(2), 2009; Caruana et al.,
 * "Ensemble selection from libraries of models", ICML 2004). With the misclassification rate as objective and ties
 * broken by a second objective this is {@code reduce-error} pruning (Margineantu and Dietterich, "Pruning adaptive
 * boosting", ICML 1997), here without their back-fitting pass. Each step costs O(R·n·K) with incremental margins;
 * convex objectives skip most rounds through a lower bound (see {@link GreedyStep}).
 */
final class ForwardSelection extends NestedStrategy {

    private final Objective objective;
    private final Objective tieBreak;
    private long exactEvaluations;

    ForwardSelection(Objective objective, Objective tieBreak) {
        this.objective = objective;
        this.tieBreak = tieBreak;
    }

    @Override
    public String name() {
        return tieBreak == null ? "forward" : "reduce-error";
    }

    @Override
    int[] order(RoundContributions rc, Targets t, int minSize, int maxSize) {
        int rounds = rc.rounds();
        boolean[] used = new boolean[rounds];
        int[] order = new int[rounds];
        double[] m = rc.baseMargins();
        GreedyStep step = new GreedyStep(objective, tieBreak);
        int steps = maxSize == rounds ? rounds - 1 : maxSize;
        for (int k = 0; k < steps; k++) {
            int[] candidates = remaining(used, rounds - k);
            int r = step.pick(rc, t, m, candidates, 1.0);
            order[k] = r;
            used[r] = true;
            rc.add(m, r, 1.0);
        }
        exactEvaluations = step.exactEvaluations();
        int k = steps;
        for (int r = 0; r < rounds; r++) {
            if (!used[r]) {
                order[k++] = r;
            }
        }
        return order;
    }

    /** Exact objective evaluations of the last {@link #order} call (for benchmarks). */
    long exactEvaluations() {
        return exactEvaluations;
    }

    static int[] remaining(boolean[] used, int count) {
        int[] c = new int[count];
        int j = 0;
        for (int r = 0; r < used.length; r++) {
            if (!used[r]) {
                c[j++] = r;
            }
        }
        return c;
    }
}
