package org.prunekit.prune.ensemble;

import java.util.Random;

/** {@code random}: a seeded random ranking of the rounds; the control every informed strategy should beat. */
final class RandomStrategy extends NestedStrategy {

    private final long seed;

    RandomStrategy(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    int[] order(RoundContributions contributions, Targets targets, int minSize, int maxSize) {
        int[] o = new int[contributions.rounds()];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = o.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = o[i];
            o[i] = o[j];
            o[j] = tmp;
        }
        return o;
    }
}
