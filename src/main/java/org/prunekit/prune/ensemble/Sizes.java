package org.prunekit.prune.ensemble;

import java.util.Arrays;

/** Checks of ensemble-size grids. */
final class Sizes {

    private Sizes() {}

    static void check(int[] sizes, int rounds) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("no sizes requested");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || sizes[i] > rounds || (i > 0 && sizes[i] <= sizes[i - 1])) {
                throw new IllegalArgumentException(
                        "sizes must increase strictly within [1, " + rounds + "]: " + Arrays.toString(sizes));
            }
        }
    }
}
