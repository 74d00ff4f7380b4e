package org.prunekit.prune.smile;

import java.util.Map;
import org.prunekit.spi.ModelSize;
import smile.base.cart.CART;

/**
 * A fitted Smile tree ensemble behind a {@link SmileModel}: it scores rows and hands out copies cut to fewer trees by
 * Smile's own {@code trim}, never changing itself (Smile 3.1.1's {@code GradientTreeBoost.trim} cuts the model in
 * place and {@code RandomForest.trim} reorders the model's member array, so each copy is trimmed, not the original).
 */
interface SmileEnsemble extends SmileModel.Scorer {

    /** Trees it holds, in the unit {@link #trim} takes (boosting rounds for gradient boosting, trees for a forest). */
    int trees();

    /** A copy keeping {@code k} trees ({@code 1 <= k <= trees()}), as Smile's {@code trim(k)} chooses them. */
    SmileEnsemble trim(int k);

    /** Its size: {@link #sizeOf} of its trees plus any per-tree weights or intercepts. */
    ModelSize size();

    /**
     * The size of a set of CART trees: each tree stores 2 numbers per split (feature, threshold) and
     * {@code leafValues} per leaf (1 for a regression tree, the class count for a classification tree), plus
     * {@code extra} ensemble-level numbers. Details: {@code trees}, {@code leaves}, {@code nodes}.
     */
    static ModelSize sizeOf(CART[] trees, int leafValues, long extra) {
        long leaves = 0;
        for (CART t : trees) {
            leaves += t.root().leaves();
        }
        long splits = leaves - trees.length;
        long params = 2 * splits + leafValues * leaves + extra;
        return new ModelSize(
                params, params, Map.of("trees", (double) trees.length, "leaves", (double) leaves, "nodes", (double)
                        (splits + leaves)));
    }
}
