package org.prunekit.prune.ensemble;

/**
 * {@code backward}: greedy elimination. Starting from all rounds, repeatedly remove the round whose removal lowers
 * the objective on the selection rows the most (or raises it the least), down to the smallest requested size. The
 * ranking is the survivors followed by the removed rounds in reverse order of removal, so every prefix is the set
 * that remained at that size. Cost O(R²·n·K) with incremental margins.
 */
final class BackwardElimination extends NestedStrategy {

    private final Objective objective;

    BackwardElimination(Objective objective) {
        this.objective = objective;
    }

    @Override
    public String name() {
        return "backward";
    }

    @Override
    int[] order(RoundContributions rc, Targets t, int minSize, int maxSize) {
        int rounds = rc.rounds();
        boolean[] removed = new boolean[rounds];
        int[] order = new int[rounds];
        double[] m = rc.fullMargins();
        GreedyStep step = new GreedyStep(objective, null);
        int tail = rounds;
        for (int left = rounds; left > minSize; left--) {
            int[] candidates = ForwardSelection.remaining(removed, left);
            int r = step.pick(rc, t, m, candidates, -1.0);
            removed[r] = true;
            rc.add(m, r, -1.0);
            order[--tail] = r;
        }
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            if (!removed[r]) {
                order[k++] = r;
            }
        }
        return order;
    }
}
