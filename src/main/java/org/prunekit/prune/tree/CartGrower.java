package org.prunekit.prune.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;

/**
 * Grows the CART tree (Breiman, Friedman, Olshen &amp; Stone 1984) that Tribuo 4.3.2's {@code CARTClassificationTrainer}
 * grows with all features per split and no random split points, from {@link SortedColumns} instead of Tribuo's
 * per-node inverted indices. Node {@code t} with float weighted class counts {@code c} and weight {@code W = Σc}
 * (summed in float, class order) has impurity {@code i(c)} (Gini {@code Σ p(1-p)} or entropy {@code -Σ p ln p},
 * {@code p = c/W} in double); for each feature in id order and each boundary between consecutive distinct values
 * (ascending), left counts {@code L} (the float sum of the groups so far, each group's counts summed in row order) and
 * right counts {@code R = c - L} (float, subtracted group by group) score {@code (|L|·i(L) + |R|·i(R)) / W}. The first
 * strictly lowest score below {@code i(c)} wins, threshold the midpoint {@code (v_j + v_{j+1}) / 2} in double; the node
 * is split when its weighted impurity decrease {@code W · (i(c) - score)} is at least {@code minImpurityDecrease ·
 * W_root}. Rows with value {@code < threshold} go left. Children inherit {@code L}/{@code R} and are leaves when their
 * impurity is below 1e-15, their depth reaches {@code maxDepth - 1} or their weight is below {@code minChildWeight}.
 * A leaf scores each class {@code c_k / Σc} (double) and predicts the first class with the highest score.
 *
 * <p>Every floating-point operation above is Tribuo's, in Tribuo's order, so the tree is the same bit for bit; the
 * impurity functions are Tribuo's own objects. A value group's counts are summed in ascending row id as Tribuo does:
 * many-valued features keep their rows presorted by (value, row id) and stably partitioned at each split (as
 * scikit-learn's presorting did); features with at most {@link #FEW_VALUES} values gather per-value counts from the
 * node's rows in id order instead, and need no sorted order. A feature constant on a node is skipped below it. Beside the tree it returns each node's weighted class counts summed in
 * double in row order, as {@link TribuoTree} gets them by routing the training rows; they match routing unless some
 * row's value is NaN or equals a threshold (then {@link Grown#routable()} is false: Tribuo's training partition
 * {@code v < threshold} and its prediction rule {@code v > threshold} disagree on that row).
 */
final class CartGrower {

    /**
     * A grown tree: Tribuo's root node, and per node in depth-first order (left subtree first) the double weighted
     * class counts and total weight of the training rows that reach it.
     */
    record Grown(Node<Label> root, double[][] counts, double[] weight, boolean routable) {}

    /**
     * Settings as Tribuo's trainer holds them.
     *
     * @param scaledMinImpurityDecrease {@code minImpurityDecrease} times the float sum of all example weights
     */
    record Settings(LabelImpurity impurity, int maxDepth, float minChildWeight, float scaledMinImpurityDecrease) {}

    /**
     * Features with at most this many distinct values are scanned from per-value counts gathered in row order (no
     * sorted order to keep); the others from their presorted row order, partitioned at every split.
     */
    static final int FEW_VALUES = 64;

    private final SortedColumns cols;
    private final int[] y;
    private final float[] w;
    private final List<String> labels;
    private final Settings s;
    private final int nc;
    private final int[][] order;
    private final int[][] orderRank;
    private final int[] rows;
    /** 1 if the row goes left at the split being applied, else 0. */
    private final byte[] side;

    private final int[] bufRow;
    private final int[] bufRank;
    private final double[] prob;
    /** Per distinct value of a few-valued feature: its rows' class counts ({@code value * nc + class}) and row count. */
    private final float[] groupCounts;

    private final int[] groupRows;
    private boolean routable = true;

    private CartGrower(SortedColumns cols, int[] y, float[] w, List<String> labels, Settings s) {
        this.cols = cols;
        this.y = y;
        this.w = w;
        this.labels = labels;
        this.s = s;
        this.nc = labels.size();
        int nf = cols.features();
        int n = cols.rows;
        order = new int[nf][];
        orderRank = new int[nf][];
        for (int f = 0; f < nf; f++) {
            if (cols.values[f].length <= FEW_VALUES) {
                continue;
            }
            int[] o = cols.sortedRows(f);
            order[f] = o;
            orderRank[f] = inOrder(cols.rank[f], o);
        }
        groupCounts = new float[Math.max(FEW_VALUES, cols.values[0].length) * nc];
        groupRows = new int[Math.max(FEW_VALUES, cols.values[0].length)];
        rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        side = new byte[n];
        bufRow = new int[n];
        bufRank = new int[n];
        prob = new double[nc];
    }

    /** {@code rank[o[i]]} for each i (a loop in a method of its own, so that C2 compiles it alone). */
    private static int[] inOrder(int[] rank, int[] o) {
        int[] r = new int[o.length];
        for (int i = 0; i < o.length; i++) {
            r[i] = rank[o[i]];
        }
        return r;
    }

    /**
     * Grows the tree on {@code cols}, with class ids {@code y} (0 ≤ y &lt; labels.size()) and example weights {@code w}.
     */
    static Grown grow(SortedColumns cols, int[] y, float[] w, List<String> labels, Settings s) {
        if (cols.features() == 0 || cols.rows == 0) {
            throw new IllegalArgumentException("CART needs at least one feature and one row");
        }
        return new CartGrower(cols, y, w, labels, s).grow();
    }

    /**
     * A node waiting to be grown: its rows are {@code [start, end)} of every order array; {@code features} lists (in id
     * order) the features not constant on its parent's rows, the only ones that can split it (a constant feature has no
     * boundary to score, here or below).
     */
    private record Task(
            int start,
            int end,
            int depth,
            float[] counts,
            float weight,
            double impurity,
            boolean grow,
            int parent,
            int[] features) {}

    private Grown grow() {
        float[] rootCounts = rootCounts();
        float rootWeight = sum(rootCounts);
        double rootImpurity = impurity(rootCounts);
        List<int[]> links = new ArrayList<>();
        List<double[]> split = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<double[]> dcounts = new ArrayList<>();
        ArrayDeque<Task> stack = new ArrayDeque<>();
        stack.push(new Task(
                0,
                cols.rows,
                0,
                rootCounts,
                rootWeight,
                rootImpurity,
                rootImpurity > 0.0 && 0 < s.maxDepth() && rootWeight >= s.minChildWeight(),
                -1,
                allFeatures()));
        float[] lt = new float[nc];
        float[] gt = new float[nc];
        while (!stack.isEmpty()) {
            Task t = stack.pop();
            int id = tasks.size();
            tasks.add(t);
            links.add(new int[] {-1, -1});
            split.add(null);
            dcounts.add(rowCounts(t.start(), t.end()));
            if (t.parent() >= 0) {
                int[] pl = links.get(t.parent());
                pl[pl[0] < 0 ? 0 : 1] = id;
            }
            if (!t.grow()) {
                continue;
            }
            Best best = bestSplit(t);
            if (best == null || !(t.weight() * (t.impurity() - best.score) >= s.scaledMinImpurityDecrease())) {
                continue;
            }
            split.set(id, new double[] {best.feature, best.value});
            System.arraycopy(best.lt, 0, lt, 0, nc);
            System.arraycopy(best.gt, 0, gt, 0, nc);
            float[] lc = lt.clone();
            float[] rc = gt.clone();
            float lw = sum(lc);
            float rw = sum(rc);
            double li = impurity(lc);
            double ri = impurity(rc);
            int depth = t.depth() + 1;
            boolean growLeft = !leaf(li, lw, t.depth()) && li > 0.0 && depth < s.maxDepth() && lw >= s.minChildWeight();
            boolean growRight =
                    !leaf(ri, rw, t.depth()) && ri > 0.0 && depth < s.maxDepth() && rw >= s.minChildWeight();
            int mid = partition(t, best.feature, best.value, growLeft || growRight ? best.varying : null);
            stack.push(new Task(mid, t.end(), depth, rc, rw, ri, growRight, id, best.varying));
            stack.push(new Task(t.start(), mid, depth, lc, lw, li, growLeft, id, best.varying));
        }
        int n = tasks.size();
        double[][] counts = new double[n][];
        double[] weight = new double[n];
        List<Node<Label>> nodes = new ArrayList<>(Collections.nCopies(n, null));
        for (int i = n - 1; i >= 0; i--) {
            double[] dc = dcounts.get(i);
            counts[i] = Arrays.copyOf(dc, nc);
            weight[i] = dc[nc];
            Task t = tasks.get(i);
            double[] sv = split.get(i);
            if (sv == null) {
                nodes.set(i, leafNode(t.impurity(), t.counts()));
            } else {
                int[] l = links.get(i);
                nodes.set(i, new SplitNode<>(sv[1], (int) sv[0], t.impurity(), nodes.get(l[1]), nodes.get(l[0])));
            }
        }
        return new Grown(nodes.get(0), counts, weight, routable);
    }

    /** Tribuo's {@code AbstractTrainingNode.shouldMakeLeaf} for a child of a node at {@code depth}. */
    private boolean leaf(double impurity, float weight, int depth) {
        return Math.abs(impurity) < 1e-15 || depth + 1 >= s.maxDepth() || weight < s.minChildWeight();
    }

    /** The root's counts as Tribuo sums them: feature 0's value groups (each summed in row order), ascending. */
    private float[] rootCounts() {
        float[] c = new float[nc];
        int[] range = gather(0, 0, cols.rows);
        for (int v = range[0]; v <= range[1]; v++) {
            if (groupRows[v] > 0) {
                for (int k = 0; k < nc; k++) {
                    c[k] += groupCounts[v * nc + k];
                }
            }
        }
        clear(range);
        return c;
    }

    /**
     * Sums, for each distinct value of feature {@code f}, the weights per class of rows {@code [start, end)} of the row
     * list (ascending ids, so each value's counts are added in Tribuo's order); returns the lowest and highest value
     * ranks present. The caller clears that range with {@link #clear} when done.
     */
    private int[] gather(int f, int start, int end) {
        int[] rank = cols.rank[f];
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int i = start; i < end; i++) {
            int row = rows[i];
            int v = rank[row];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            groupCounts[v * nc + y[row]] += w[row];
            groupRows[v]++;
        }
        return new int[] {lo, hi};
    }

    private void clear(int[] range) {
        Arrays.fill(groupCounts, range[0] * nc, (range[1] + 1) * nc, 0f);
        Arrays.fill(groupRows, range[0], range[1] + 1, 0);
    }

    /** The best split found so far: the feature, the threshold and the float counts either side. */
    private static final class Best {
        int feature = -1;
        double value;
        double score;
        float[] lt;
        float[] gt;
        int[] varying;
    }

    private int[] allFeatures() {
        int[] all = new int[order.length];
        Arrays.setAll(all, f -> f);
        return all;
    }

    private Best bestSplit(Task t) {
        Best best = new Best();
        best.score = t.impurity();
        best.lt = new float[nc];
        best.gt = new float[nc];
        float[] lt = new float[nc];
        float[] gt = new float[nc];
        float[] g = new float[nc];
        int[] varying = new int[t.features().length];
        int nv = 0;
        for (int f : t.features()) {
            Arrays.fill(lt, 0f);
            System.arraycopy(t.counts(), 0, gt, 0, nc);
            boolean varies = order[f] == null ? scanGroups(t, f, lt, gt, best) : scanSorted(t, f, lt, gt, g, best);
            if (varies) {
                varying[nv++] = f;
            }
        }
        best.varying = Arrays.copyOf(varying, nv);
        return best.feature < 0 ? null : best;
    }

    /** Scores the boundaries of a few-valued feature from its per-value counts; false if it is constant here. */
    private boolean scanGroups(Task t, int f, float[] lt, float[] gt, Best best) {
        int[] range = gather(f, t.start(), t.end());
        int hi = range[1];
        if (hi < 0) {
            return false; // no rows: a child Tribuo's {@code v < threshold} partition left empty
        }
        if (range[0] == hi) {
            clear(range);
            return false;
        }
        double[] v = cols.values[f];
        for (int a = range[0]; a < hi; a++) {
            if (groupRows[a] == 0) {
                continue;
            }
            for (int k = 0; k < nc; k++) {
                float c = groupCounts[a * nc + k];
                lt[k] += c;
                gt[k] -= c;
            }
            int next = a + 1;
            while (groupRows[next] == 0) {
                next++;
            }
            consider(t, f, lt, gt, v[a], v[next], best);
        }
        clear(range);
        return true;
    }

    /** Scores the boundaries of a many-valued feature along its sorted rows; false if it is constant here. */
    private boolean scanSorted(Task t, int f, float[] lt, float[] gt, float[] g, Best best) {
        int[] o = order[f];
        int[] r = orderRank[f];
        double[] v = cols.values[f];
        int start = t.start();
        int end = t.end();
        int i = start;
        while (i < end) {
            Arrays.fill(g, 0f);
            int rank = r[i];
            int j = i;
            do {
                int row = o[j];
                g[y[row]] += w[row];
                j++;
            } while (j < end && r[j] == rank);
            if (j == end) {
                return i > start;
            }
            for (int k = 0; k < nc; k++) {
                lt[k] += g[k];
                gt[k] -= g[k];
            }
            consider(t, f, lt, gt, v[rank], v[r[j]], best);
            i = j;
        }
        return false;
    }

    /** Tribuo's test of one boundary between values {@code below < above}: keeps it if its score is strictly best. */
    private void consider(Task t, int f, float[] lt, float[] gt, double below, double above, Best best) {
        double score = (weighted(lt) + weighted(gt)) / t.weight();
        if (score < best.score) {
            best.feature = f;
            best.score = score;
            System.arraycopy(lt, 0, best.lt, 0, nc);
            System.arraycopy(gt, 0, best.gt, 0, nc);
            best.value = (below + above) / 2.0;
        }
    }

    /**
     * Splits {@code [start, end)} of the row list (and of the orders of {@code features}, null when neither child grows)
     * into rows with value {@code < threshold} first and the others after, each side keeping its order; returns the
     * boundary.
     */
    private int partition(Task t, int feature, double threshold, int[] features) {
        int[] rank = cols.rank[feature];
        double[] v = cols.values[feature];
        for (int i = t.start(); i < t.end(); i++) {
            int row = rows[i];
            double x = v[rank[row]];
            boolean left = x < threshold;
            side[row] = (byte) (left ? 1 : 0);
            if (left == x > threshold) {
                routable = false;
            }
        }
        int mid = partition(rows, null, t.start(), t.end());
        if (features != null) {
            for (int f : features) {
                if (order[f] != null) {
                    partition(order[f], orderRank[f], t.start(), t.end());
                }
            }
        }
        return mid;
    }

    /** Stable partition of {@code row[start, end)} (and the parallel {@code rank}) by {@link #side}, branch-free. */
    private int partition(int[] row, int[] rank, int start, int end) {
        int a = start;
        int b = 0;
        if (rank == null) {
            for (int i = start; i < end; i++) {
                int r = row[i];
                int l = side[r];
                row[a] = r;
                bufRow[b] = r;
                a += l;
                b += 1 - l;
            }
        } else {
            for (int i = start; i < end; i++) {
                int r = row[i];
                int k = rank[i];
                int l = side[r];
                row[a] = r;
                rank[a] = k;
                bufRow[b] = r;
                bufRank[b] = k;
                a += l;
                b += 1 - l;
            }
            System.arraycopy(bufRank, 0, rank, a, b);
        }
        System.arraycopy(bufRow, 0, row, a, b);
        return a;
    }

    /** Counts and weight (last entry) of rows {@code [start, end)} summed in double in row order, as routing does. */
    private double[] rowCounts(int start, int end) {
        double[] c = new double[nc + 1];
        for (int i = start; i < end; i++) {
            int row = rows[i];
            double wi = w[row];
            c[y[row]] += wi;
            c[nc] += wi;
        }
        return c;
    }

    /** Tribuo's {@code LabelImpurity.impurityWeighted(float[])}: {@code W · i(c / W)}, W summed in double. */
    private double weighted(float[] c) {
        double sum = 0.0;
        for (int k = 0; k < nc; k++) {
            sum += c[k];
        }
        for (int k = 0; k < nc; k++) {
            prob[k] = c[k] / sum;
        }
        return sum * s.impurity().impurityNormed(prob);
    }

    /** Tribuo's {@code LabelImpurity.impurity(float[])}. */
    private double impurity(float[] c) {
        double sum = 0.0;
        for (int k = 0; k < nc; k++) {
            sum += c[k];
        }
        double[] p = new double[nc];
        for (int k = 0; k < nc; k++) {
            p[k] = c[k] / sum;
        }
        return s.impurity().impurityNormed(p);
    }

    /** Tribuo's {@code Util.sum(float[])}. */
    private static float sum(float[] c) {
        float t = 0f;
        for (float v : c) {
            t += v;
        }
        return t;
    }

    /** Tribuo's {@code ClassifierTrainingNode.createLeaf}. */
    private LeafNode<Label> leafNode(double impurity, float[] c) {
        double total = 0.0;
        double[] p = new double[nc];
        for (int k = 0; k < nc; k++) {
            p[k] = c[k];
            total += p[k];
        }
        double maxScore = Double.NEGATIVE_INFINITY;
        Label max = null;
        Map<String, Label> dist = new LinkedHashMap<>();
        for (int k = 0; k < nc; k++) {
            double score = p[k] / total;
            Label label = new Label(labels.get(k), score);
            dist.put(labels.get(k), label);
            if (score > maxScore) {
                maxScore = score;
                max = label;
            }
        }
        return new LeafNode<>(impurity, max, dist, true);
    }
}
