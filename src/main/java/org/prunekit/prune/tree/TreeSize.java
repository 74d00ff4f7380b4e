package org.prunekit.prune.tree;

import java.util.ArrayDeque;
import java.util.Map;
import org.prunekit.spi.ModelSize;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;

/**
 * Size of a Tribuo tree: 2 parameters per split (feature, threshold) plus one class probability per class per leaf;
 * non-zero counts the splits' 2 and the leaves' non-zero probabilities. Details: {@code leaves}, {@code depth}
 * (root = 0), {@code nodes}.
 */
public final class TreeSize {

    private TreeSize() {}

    public static ModelSize of(Model<Label> model) {
        if (!(model instanceof TreeModel<Label> tm)) {
            throw new IllegalArgumentException(
                    "not a Tribuo TreeModel: " + model.getClass().getSimpleName());
        }
        int classes = tm.getOutputIDInfo().size();
        long splits = 0;
        long leaves = 0;
        long nonZero = 0;
        int depth = 0;
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {tm.getRoot(), 0});
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            int d = (Integer) e[1];
            depth = Math.max(depth, d);
            if (e[0] instanceof SplitNode<?> s) {
                splits++;
                nonZero += 2;
                queue.add(new Object[] {s.getLessThanOrEqual(), d + 1});
                queue.add(new Object[] {s.getGreaterThan(), d + 1});
            } else if (e[0] instanceof LeafNode<?> leaf) {
                leaves++;
                for (Object l : leaf.getDistribution().values()) {
                    if (((Label) l).getScore() != 0.0) {
                        nonZero++;
                    }
                }
            }
        }
        long params = 2 * splits + (long) classes * leaves;
        return new ModelSize(
                params,
                Math.min(nonZero, params),
                Map.of("leaves", (double) leaves, "depth", (double) depth, "nodes", (double) (splits + leaves)));
    }
}
