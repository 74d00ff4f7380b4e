package org.prunekit.prune.tree;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The per-node weighted class counts of trees {@link CartTrainer} grew, kept beside the model (which has no room for
 * them) until the model is garbage: {@link TribuoTree#of} takes them instead of routing the training rows again when
 * it is given the very dataset (same instance, same size) the tree was grown on. Keys are compared by identity (Tribuo
 * models do not override {@code equals}); entries hold the dataset weakly.
 */
final class GrownCounts {

    private record Entry(WeakReference<Dataset<Label>> data, int rows, double[][] counts, double[] weight) {}

    private static final Map<Model<Label>, Entry> BY_MODEL = new WeakHashMap<>();

    private GrownCounts() {}

    static synchronized void put(Model<Label> model, Dataset<Label> data, double[][] counts, double[] weight) {
        BY_MODEL.put(model, new Entry(new WeakReference<>(data), data.size(), counts, weight));
    }

    /** Counts (node × class, depth-first order, left first) and weights of {@code model} grown on {@code data}. */
    static synchronized Counts get(Model<Label> model, Dataset<Label> data) {
        Entry e = BY_MODEL.get(model);
        if (e == null || e.data().get() != data || e.rows() != data.size()) {
            return null;
        }
        double[][] counts = new double[e.counts().length][];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = e.counts()[i].clone();
        }
        return new Counts(counts, e.weight().clone());
    }

    /** A copy of one tree's counts. */
    record Counts(double[][] counts, double[] weight) {}
}
