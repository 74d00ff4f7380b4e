package org.prunekit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.tree.CartFamily;
import org.prunekit.prune.tree.CostComplexityPruning;
import org.prunekit.prune.tree.CpTable;
import org.prunekit.prune.tree.TreePath;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * A small local nested cross-validation of CART + cost-complexity pruning (the harness does this for real): inner
 * k-fold CV on the outer training rows scores each fold's subtree at the main path's selection points, the 1-SE rule
 * picks the alpha, and the outer test fold measures the unpruned tree and the choice. Metrics here are minimal local
 * versions (balanced accuracy; average precision as scikit-learn's step sum) for this check only.
 *
 * <p>Run with {@code bench/ccp-nested.sh [csv positiveClass classWeights outerFolds innerFolds]}.
 */
public final class CcpNestedCv {

    /** Everything one selection produced; {@code rowsTouched} lists every row index the selection read. */
    public record Selection(TreePath path, CpTable table, int chosen, int best, List<Integer> rowsTouched) {}

    private final Table table;
    private final String positive;
    private final boolean classWeights;
    private final int innerFolds;
    private final long seed;

    public CcpNestedCv(Table table, String positive, boolean classWeights, int innerFolds, long seed) {
        this.table = table;
        this.positive = positive;
        this.classWeights = classWeights;
        this.innerFolds = innerFolds;
        this.seed = seed;
    }

    /** Grows the tree on {@code train}, cross-validates inside {@code train} only, and picks by average precision, 1-SE. */
    public Selection select(int[] train) {
        List<Integer> touched = new ArrayList<>();
        TreePath main = path(train, touched::add);
        double[] points = main.selectionPoints();
        int[] yTrain = Arrays.stream(train).map(r -> table.classIndex()[r]).toArray();
        List<Fold> inner = StratifiedSplits.kFold(yTrain, innerFolds, 1, seed + 1);
        double[][] score = new double[inner.size()][points.length];
        for (int f = 0; f < inner.size(); f++) {
            int[] fit = Arrays.stream(inner.get(f).train()).map(i -> train[i]).toArray();
            int[] val = Arrays.stream(inner.get(f).test()).map(i -> train[i]).toArray();
            TreePath fold = path(fit, touched::add);
            TableEncoder enc = TableEncoder.fit(table, fit);
            MutableDataset<Label> vd = enc.encode(val);
            Arrays.stream(val).forEach(touched::add);
            Map<Integer, Double> byCandidate = new HashMap<>();
            List<String> classes = table.classes();
            int pos = classes.indexOf(positive);
            String[] truth = Arrays.stream(val).mapToObj(table::label).toArray(String[]::new);
            fold.scoreAll(vd, classes, (c, probs) -> byCandidate.put(c, averagePrecision(probs, pos, truth, positive)));
            for (int i = 0; i < points.length; i++) {
                score[f][i] = byCandidate.get(fold.indexAt(points[i]));
            }
        }
        double[] mean = new double[points.length];
        double[] sd = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double m = 0;
            for (double[] s : score) {
                m += s[i] / score.length;
            }
            double v = 0;
            for (double[] s : score) {
                v += (s[i] - m) * (s[i] - m) / (score.length - 1);
            }
            mean[i] = m;
            sd[i] = Math.sqrt(v);
        }
        int best = 0;
        for (int i = 1; i < mean.length; i++) {
            if (mean[i] > mean[best]) {
                best = i;
            }
        }
        double limit = mean[best] - sd[best] / Math.sqrt(score.length);
        int chosen = best;
        for (int i = mean.length - 1; i > best; i--) {
            if (mean[i] >= limit) {
                chosen = i;
                break;
            }
        }
        return new Selection(main, main.cpTable().withCv(mean, sd), chosen, best, touched);
    }

    private TreePath path(int[] rows, IntConsumer touched) {
        Arrays.stream(rows).forEach(touched);
        TableEncoder enc = TableEncoder.fit(table, rows);
        MutableDataset<Label> d = enc.encode(rows);
        if (classWeights) {
            balance(d);
        }
        Model<Label> m = CartFamily.Hyper.defaults().trainer(seed).train(d);
        return new CostComplexityPruning(CostComplexityPruning.Options.defaults()).path(m, d, null);
    }

    /** Sets each example's weight to n / (K · n_class) (scikit-learn's "balanced"). */
    public static void balance(MutableDataset<Label> data) {
        Map<String, Integer> count = new HashMap<>();
        for (Example<Label> e : data) {
            count.merge(e.getOutput().getLabel(), 1, Integer::sum);
        }
        for (Example<Label> e : data) {
            e.setWeight((float) data.size()
                    / (count.size() * count.get(e.getOutput().getLabel())));
        }
    }

    /** scikit-learn's average precision: Σ (R_n − R_{n−1}) P_n over distinct score thresholds. */
    public static double averagePrecision(double[][] probs, int pos, String[] truth, String positive) {
        int n = probs.length;
        boolean[] isPos = new boolean[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            isPos[i] = truth[i].equals(positive);
            total += isPos[i] ? 1 : 0;
        }
        if (total == 0) {
            return 0.0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probs[b][pos], probs[a][pos]));
        double ap = 0;
        double prevRecall = 0;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < n; i++) {
            if (isPos[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i == n - 1 || probs[order[i + 1]][pos] != probs[order[i]][pos]) {
                double recall = (double) tp / total;
                ap += (recall - prevRecall) * tp / (tp + fp);
                prevRecall = recall;
            }
        }
        return ap;
    }

    /** Mean per-class recall of the argmax prediction (ties to the lowest class index). */
    public static double balancedAccuracy(double[][] probs, List<String> classes, String[] truth) {
        int k = classes.size();
        int[] hit = new int[k];
        int[] count = new int[k];
        for (int i = 0; i < probs.length; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (probs[i][j] > probs[i][best]) {
                    best = j;
                }
            }
            int y = classes.indexOf(truth[i]);
            count[y]++;
            hit[y] += best == y ? 1 : 0;
        }
        double s = 0;
        int present = 0;
        for (int j = 0; j < k; j++) {
            if (count[j] > 0) {
                s += (double) hit[j] / count[j];
                present++;
            }
        }
        return s / present;
    }

    /**
     * Outer k-fold: unpruned tree vs the 1-SE choice on each outer test fold. Args: csv, positive class,
     * class-weights (true|false), outer folds, inner folds.
     */
    public static void main(String[] args) {
        String csv = args.length > 0 ? args[0] : "breast_cancer_wisconsin.csv";
        String positive = args.length > 1 ? args[1] : "M";
        boolean weights = args.length > 2 && Boolean.parseBoolean(args[2]);
        int outer = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int innerK = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Table t = TestData.table(csv);
        CcpNestedCv cv = new CcpNestedCv(t, positive, weights, innerK, 42L);
        List<String> classes = t.classes();
        int pos = classes.indexOf(positive);
        double[][] rows = new double[outer][6];
        long start = System.nanoTime();
        List<Fold> folds = StratifiedSplits.kFold(t.classIndex(), outer, 1, 42L);
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            Selection s = cv.select(fold.train());
            MutableDataset<Label> test = TableEncoder.fit(t, fold.train()).encode(fold.test());
            String[] truth = Arrays.stream(fold.test()).mapToObj(t::label).toArray(String[]::new);
            int[] leaves = s.path().leaves();
            double[][] full = Probabilities.of(s.path().candidates().get(0).model(), test, classes);
            double[][] chosen =
                    Probabilities.of(s.path().candidates().get(s.chosen()).model(), test, classes);
            rows[f] = new double[] {
                leaves[0],
                balancedAccuracy(full, classes, truth),
                averagePrecision(full, pos, truth, positive),
                leaves[s.chosen()],
                balancedAccuracy(chosen, classes, truth),
                averagePrecision(chosen, pos, truth, positive)
            };
            System.out.printf(
                    "fold %d: full %d leaves BA %.4f AP %.4f | 1-SE alpha %.3g %d leaves BA %.4f AP %.4f%n",
                    f,
                    leaves[0],
                    rows[f][1],
                    rows[f][2],
                    s.path().strengths()[s.chosen()],
                    leaves[s.chosen()],
                    rows[f][4],
                    rows[f][5]);
        }
        String[] names = {
            "full leaves",
            "full balanced-accuracy",
            "full average-precision",
            "1-SE leaves",
            "1-SE balanced-accuracy",
            "1-SE average-precision"
        };
        for (int j = 0; j < names.length; j++) {
            double m = 0;
            for (double[] r : rows) {
                m += r[j] / rows.length;
            }
            double v = 0;
            for (double[] r : rows) {
                v += (r[j] - m) * (r[j] - m) / (rows.length - 1);
            }
            System.out.printf("%-24s %.4f ± %.4f%n", names[j], m, Math.sqrt(v));
        }
        System.out.printf(
                "%s, class weights %s, %d outer x %d inner folds, %.1f s%n",
                csv, weights, outer, innerK, (System.nanoTime() - start) / 1e9);
    }
}
