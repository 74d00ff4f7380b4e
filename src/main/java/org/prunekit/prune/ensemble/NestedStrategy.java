package org.prunekit.prune.ensemble;

import java.util.ArrayList;
import java.util.List;

/** A strategy that ranks the rounds once; the set of size k is the first k rounds of the ranking. */
abstract class NestedStrategy implements Strategy {

    /**
     * A ranking of rounds whose first {@code maxSize} entries are meaningful (entries may continue beyond).
     *
     * @param minSize the smallest size that will be asked for
     * @param maxSize the largest size that will be asked for
     */
    abstract int[] order(RoundContributions contributions, Targets targets, int minSize, int maxSize);

    @Override
    public final boolean nested() {
        return true;
    }

    @Override
    public final List<RoundSet> select(RoundContributions contributions, Targets targets, int[] sizes) {
        Sizes.check(sizes, contributions.rounds());
        int[] order = order(contributions, targets, sizes[0], sizes[sizes.length - 1]);
        List<RoundSet> out = new ArrayList<>(sizes.length);
        for (int k : sizes) {
            out.add(RoundSet.prefixOf(order, k));
        }
        return out;
    }
}
