package org.prunekit.prune.tree;

import java.util.Arrays;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;

/**
 * A dataset's features as presorted columns, the input of {@link CartGrower}. Column {@code f} is kept as its distinct
 * values in ascending {@link Double#compare} order ({@code values[f]}, so {@code -0.0 < 0.0} and NaN last, as Tribuo's
 * {@code InvertedFeature} orders them) and, per row, the rank of its value there ({@code rank[f][row]}). An absent
 * feature is 0, as in Tribuo's {@code SparseVector.createSparseVector}.
 *
 * <p>{@link #sortedRows(int)} is a new array of the row ids ordered by (value, row id): a counting sort on the ranks,
 * so rows with equal values stay in ascending id order, the order in which Tribuo sums their weights.
 */
final class SortedColumns {

    final int rows;
    final double[][] values;
    final int[][] rank;

    private SortedColumns(int rows, double[][] values, int[][] rank) {
        this.rows = rows;
        this.values = values;
        this.rank = rank;
    }

    /** The columns of {@code data} in feature-id order of its feature map. */
    static SortedColumns of(Dataset<Label> data) {
        ImmutableFeatureMap fmap = data.getFeatureIDMap();
        int n = data.size();
        int nf = fmap.size();
        double[][] col = new double[nf][n];
        // Encoded rows usually name their features with the same String objects in the same order: remember the ids.
        String[] names = new String[nf];
        int[] ids = new int[nf];
        int i = 0;
        for (Example<Label> e : data) {
            int j = 0;
            for (Feature f : e) {
                String name = f.getName();
                int id;
                if (j < nf && names[j] == name) {
                    id = ids[j];
                } else {
                    id = fmap.getID(name);
                    if (j < nf) {
                        names[j] = name;
                        ids[j] = id;
                    }
                }
                if (id >= 0) {
                    col[id][i] = f.getValue();
                }
                j++;
            }
            i++;
        }
        double[][] values = new double[nf][];
        int[][] rank = new int[nf][];
        for (int f = 0; f < nf; f++) {
            double[] distinct = fewDistinct(col[f]);
            if (distinct == null) {
                double[] sorted = col[f].clone();
                Arrays.sort(sorted);
                int u = 0;
                for (int j = 0; j < n; j++) {
                    if (u == 0 || Double.compare(sorted[u - 1], sorted[j]) != 0) {
                        sorted[u++] = sorted[j];
                    }
                }
                distinct = Arrays.copyOf(sorted, u);
            }
            int[] r = new int[n];
            double[] c = col[f];
            for (int j = 0; j < n; j++) {
                r[j] = Arrays.binarySearch(distinct, c[j]);
            }
            values[f] = distinct;
            rank[f] = r;
            col[f] = null;
        }
        return new SortedColumns(n, values, rank);
    }

    /**
     * The distinct values of {@code c} in ascending {@link Double#compare} order if there are at most {@link
     * CartGrower#FEW_VALUES} of them (found with a small open-addressing set of their bit patterns), else null.
     */
    private static double[] fewDistinct(double[] c) {
        int cap = 4 * CartGrower.FEW_VALUES;
        long[] bits = new long[cap];
        boolean[] used = new boolean[cap];
        double[] found = new double[CartGrower.FEW_VALUES];
        int u = 0;
        long last = 0;
        boolean any = false;
        for (double x : c) {
            long b = Double.doubleToLongBits(x);
            if (any && b == last) {
                continue;
            }
            any = true;
            last = b;
            int h = (int) ((b * 0x9E3779B97F4A7C15L) >>> 56) & (cap - 1);
            while (used[h] && bits[h] != b) {
                h = (h + 1) & (cap - 1);
            }
            if (!used[h]) {
                if (u == found.length) {
                    return null;
                }
                used[h] = true;
                bits[h] = b;
                found[u++] = x;
            }
        }
        double[] out = Arrays.copyOf(found, u);
        Arrays.sort(out);
        return out;
    }

    int features() {
        return values.length;
    }

    /** Row ids of column {@code f} ordered by (value, row id). */
    int[] sortedRows(int f) {
        int[] r = rank[f];
        int[] start = new int[values[f].length + 1];
        for (int v : r) {
            start[v + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] out = new int[rows];
        for (int row = 0; row < rows; row++) {
            out[start[r[row]]++] = row;
        }
        return out;
    }
}
