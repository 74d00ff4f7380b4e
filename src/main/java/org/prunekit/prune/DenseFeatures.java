package org.prunekit.prune;

import java.util.Arrays;
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

    /**
     * {@link #fill} and {@link #clear} for many examples into one reused vector, without a map lookup per feature when
     * consecutive examples carry the same name instances in the same order (an encoder's rows do): the ids of the last
     * example's names are kept, and a name is looked up only where it is not the very instance seen at that position
     * before. The map is immutable, so the ids are those {@link #fill} would find. Not thread-safe.
     */
    public static final class Reader {
        private final ImmutableFeatureMap fmap;
        private String[] names = new String[0];
        private int[] ids = new int[0];
        private int[] written = new int[0];
        private int count;

        public Reader(ImmutableFeatureMap fmap) {
            this.fmap = fmap;
        }

        /** As {@link DenseFeatures#fill}; {@code x} must be all zero (a new vector, or cleared by {@link #clear}). */
        public <T extends Output<T>> void fill(Example<T> e, double[] x) {
            int n = e.size();
            if (names.length < n) {
                names = Arrays.copyOf(names, n);
                ids = Arrays.copyOf(ids, n);
                written = new int[n];
            }
            count = 0;
            int i = 0;
            for (Feature f : e) {
                if (i == names.length) { // an example whose size() undercounts its features
                    names = Arrays.copyOf(names, i + 1);
                    ids = Arrays.copyOf(ids, i + 1);
                    written = Arrays.copyOf(written, i + 1);
                }
                String name = f.getName();
                if (names[i] != name) {
                    names[i] = name;
                    ids[i] = fmap.getID(name);
                }
                int id = ids[i++];
                if (id >= 0) {
                    x[id] = f.getValue();
                    written[count++] = id;
                }
            }
        }

        /** Resets the entries the last {@link #fill} wrote. */
        public void clear(double[] x) {
            for (int i = 0; i < count; i++) {
                x[written[i]] = 0.0;
            }
            count = 0;
        }
    }
}
