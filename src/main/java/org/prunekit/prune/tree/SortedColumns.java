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
 * <p>{@link #sortedRows(int)} gives the row ids ordered by (value, row id), so rows with equal values stay in ascending
 * id order, the order in which Tribuo sums their weights: for a column with more than {@link CartGrower#FEW_VALUES}
 * values the stable radix sort that found its values, otherwise a counting sort on the ranks.
 */
final class SortedColumns {

    final int rows;
    final double[][] values;
    final int[][] rank;

    /** Per many-valued feature, its rows by (value, row id) from {@link #radixOrder}, until handed out. */
    private final int[][] sorted;

    private SortedColumns(int rows, double[][] values, int[][] rank, int[][] sorted) {
        this.rows = rows;
        this.values = values;
        this.rank = rank;
        this.sorted = sorted;
    }

    /** The columns of {@code data} in feature-id order of its feature map. */
    static SortedColumns of(Dataset<Label> data) {
        // each loop over the rows is a method of its own, so that C2 compiles it alone (docs/results.md)
        int n = data.size();
        double[][] col = columns(data);
        int nf = col.length;
        double[][] values = new double[nf][];
        int[][] rank = new int[nf][];
        int[][] sorted = new int[nf][];
        for (int f = 0; f < nf; f++) {
            double[] c = col[f];
            double[] distinct = fewDistinct(c);
            if (distinct != null) {
                rank[f] = ranksAmong(c, distinct);
            } else {
                long[] key = new long[n];
                int[] order = radixOrder(c, key);
                int[] r = new int[n];
                distinct = ranksInOrder(c, key, order, r);
                rank[f] = r;
                sorted[f] = order;
            }
            values[f] = distinct;
            col[f] = null;
        }
        return new SortedColumns(n, values, rank, sorted);
    }

    /** The columns of {@code data}'s rows, {@code [feature id][row]}. */
    private static double[][] columns(Dataset<Label> data) {
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
        return col;
    }

    /** Each value's position among {@code distinct} (sorted, holding every value of {@code c}). */
    private static int[] ranksAmong(double[] c, double[] distinct) {
        int[] r = new int[c.length];
        for (int j = 0; j < c.length; j++) {
            r[j] = Arrays.binarySearch(distinct, c[j]);
        }
        return r;
    }

    /**
     * The distinct values of {@code c}, ascending, from its rows in sorted {@code order} with their sorted keys; each
     * row's position among them into {@code r}.
     */
    private static double[] ranksInOrder(double[] c, long[] key, int[] order, int[] r) {
        int n = c.length;
        double[] d = new double[n];
        int u = -1;
        for (int j = 0; j < n; j++) {
            if (j == 0 || key[j] != key[j - 1]) {
                d[++u] = c[order[j]];
            }
            r[order[j]] = u;
        }
        return Arrays.copyOf(d, u + 1);
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

    /**
     * Row ids of {@code c} in ascending {@link Double#compare} order, ties in ascending id: a stable LSD radix sort
     * (8 bits a pass, passes where every key has the same byte skipped) of the keys {@code bits ^ (sign ? ~0 : MIN)},
     * whose unsigned order is {@code Double.compare}'s. {@code key} receives the sorted keys.
     */
    private static int[] radixOrder(double[] c, long[] key) {
        // each pass is a method of its own: C2 compiles it once, not this method again per loop (docs/results.md)
        int n = c.length;
        long[] k = key;
        int[] idx = new int[n];
        keys(c, k, idx);
        long[] k2 = new long[n];
        int[] idx2 = new int[n];
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            if (!pass(k, idx, k2, idx2, shift, count)) {
                continue;
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        if (k != key) {
            System.arraycopy(k, 0, key, 0, n);
        }
        return idx;
    }

    /** The keys {@code bits ^ (sign ? ~0 : MIN)} of {@code c}, unsigned in {@code Double.compare}'s order; ids 0..n-1. */
    private static void keys(double[] c, long[] k, int[] idx) {
        for (int i = 0; i < c.length; i++) {
            long b = Double.doubleToLongBits(c[i]);
            k[i] = b ^ ((b >> 63) | Long.MIN_VALUE);
            idx[i] = i;
        }
    }

    /**
     * One stable counting pass on the byte at {@code shift}: {@code (k, idx)} sorted into {@code (k2, idx2)}; false,
     * with nothing moved, when every key has the same byte there.
     */
    private static boolean pass(long[] k, int[] idx, long[] k2, int[] idx2, int shift, int[] count) {
        int n = k.length;
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            count[(int) ((k[i] >>> shift) & 0xFF) + 1]++;
        }
        for (int b = 1; b <= 256; b++) {
            if (count[b] == n) {
                return false;
            }
        }
        for (int b = 1; b <= 256; b++) {
            count[b] += count[b - 1];
        }
        for (int i = 0; i < n; i++) {
            int p = count[(int) ((k[i] >>> shift) & 0xFF)]++;
            k2[p] = k[i];
            idx2[p] = idx[i];
        }
        return true;
    }

    int features() {
        return values.length;
    }

    /** Row ids of column {@code f} ordered by (value, row id); a many-valued column's own array, handed over once. */
    int[] sortedRows(int f) {
        if (sorted[f] != null) {
            int[] out = sorted[f];
            sorted[f] = null;
            return out;
        }
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
