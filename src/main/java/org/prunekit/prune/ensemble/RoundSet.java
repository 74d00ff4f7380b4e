package org.prunekit.prune.ensemble;

import java.util.Arrays;

/**
 * Rounds a pruned model keeps, with an optional weight per kept round (its leaf values are scaled by it).
 *
 * @param rounds  0-based rounds, strictly increasing, at least one
 * @param weights weight per kept round, or {@code null} when every kept round keeps weight 1
 */
public record RoundSet(int[] rounds, double[] weights) {
    public RoundSet {
        rounds = rounds.clone();
        weights = weights == null ? null : weights.clone();
        if (rounds.length == 0) {
            throw new IllegalArgumentException("a round set keeps at least one round");
        }
        for (int i = 1; i < rounds.length; i++) {
            if (rounds[i] <= rounds[i - 1]) {
                throw new IllegalArgumentException("rounds must be strictly increasing: " + Arrays.toString(rounds));
            }
        }
        if (weights != null && weights.length != rounds.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + rounds.length + " rounds");
        }
    }

    /** The first {@code k} entries of {@code order}, sorted, unweighted. */
    public static RoundSet prefixOf(int[] order, int k) {
        int[] r = Arrays.copyOf(order, k);
        Arrays.sort(r);
        return new RoundSet(r, null);
    }

    public int size() {
        return rounds.length;
    }

    @Override
    public int[] rounds() {
        return rounds.clone();
    }

    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoundSet s && Arrays.equals(rounds, s.rounds) && Arrays.equals(weights, s.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rounds) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "RoundSet" + Arrays.toString(rounds) + (weights == null ? "" : " weights " + Arrays.toString(weights));
    }
}
