package org.prunekit.prune.nn;

import java.util.Arrays;
import java.util.Comparator;

/** The local pruning rule: keep the {@code keep} eligible entries with the highest scores, prune the rest. */
public final class TopK {

    private TopK() {}

    /**
     * A mask with exactly {@code min(keep, #eligible)} true entries: the eligible ones with the highest scores, ties to
     * the lower index. Entries that are not eligible (already pruned) stay false.
     */
    public static boolean[] keep(double[] scores, boolean[] eligible, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0 but was " + keep);
        }
        Integer[] idx = new Integer[scores.length];
        int n = 0;
        for (int k = 0; k < scores.length; k++) {
            if (eligible[k]) {
                idx[n++] = k;
            }
        }
        Integer[] live = Arrays.copyOf(idx, n);
        Arrays.sort(live, Comparator.comparingDouble((Integer k) -> -scores[k]).thenComparingInt(k -> k));
        boolean[] mask = new boolean[scores.length];
        for (int r = 0; r < Math.min(keep, n); r++) {
            mask[live[r]] = true;
        }
        return mask;
    }
}
