package org.prunekit.prune.ensemble;

import java.util.Map;
import org.prunekit.spi.ModelSize;

/**
 * Size of a boosted-tree model: per tree two parameters per split (feature, threshold) and one per leaf (its value;
 * one output per tree), summed over trees; non-zero parameters count leaves whose value is not exactly 0. Details:
 * {@code rounds}, {@code trees}, {@code leaves}.
 */
public final class EnsembleSize {

    private EnsembleSize() {}

    public static ModelSize of(BoostedTrees model) {
        long params = 0;
        long nonZero = 0;
        long leaves = 0;
        for (BoostedTrees.Tree t : model.trees()) {
            int l = t.leaves();
            int splits = t.nodes() - l;
            params += 2L * splits + l;
            nonZero += 2L * splits + t.nonZeroLeaves();
            leaves += l;
        }
        return new ModelSize(
                params,
                nonZero,
                Map.of(
                        "rounds", (double) model.rounds(),
                        "trees", (double) model.trees().size(),
                        "leaves", (double) leaves));
    }
}
