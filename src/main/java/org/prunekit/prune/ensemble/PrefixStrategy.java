package org.prunekit.prune.ensemble;

/** {@code prefix}: keep the first k rounds (early stopping after the fact). Uses no data. */
final class PrefixStrategy extends NestedStrategy {

    @Override
    public String name() {
        return "prefix";
    }

    @Override
    int[] order(RoundContributions contributions, Targets targets, int minSize, int maxSize) {
        int[] o = new int[contributions.rounds()];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        return o;
    }
}
