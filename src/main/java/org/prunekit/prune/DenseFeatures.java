package org.prunekit.prune;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;

/**
 * An example's features as a dense vector indexed by Tribuo feature id, the way Tribuo's own models read them
 * ({@code SparseVector.createSparseVector}): a feature the example lacks is 0, a feature the model does not know is
 * ignored. For code that walks model structures directly (trees, Smile adapters) instead of calling {@code predict}.
 */
public final class DenseFeatures {

    private DenseFeatures() {}

    /** A new vector of {@code fmap.size()} values. */
    public static <T extends Output<T>> double[] of(Example<T> e, ImmutableFeatureMap fmap) {
        double[] x = new double[fmap.size()];
        fill(e, fmap, x);
        return x;
    }

    /** Writes the example's values into {@code x} (which must be all zero where the example has no feature). */
    public static <T extends Output<T>> void fill(Example<T> e, ImmutableFeatureMap fmap, double[] x) {
        for (Feature f : e) {
            int id = fmap.getID(f.getName());
            if (id >= 0) {
                x[id] = f.getValue();
            }
        }
    }

    /** Resets the entries {@link #fill} wrote, so {@code x} can be reused for the next example. */
    public static <T extends Output<T>> void clear(Example<T> e, ImmutableFeatureMap fmap, double[] x) {
        for (Feature f : e) {
            int id = fmap.getID(f.getName());
            if (id >= 0) {
                x[id] = 0.0;
            }
        }
    }
}
