package org.prunekit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.linear.L1Study;
import org.prunekit.prune.linear.LogisticPathOptions;
import org.prunekit.prune.linear.LogisticTrainer;
import org.prunekit.prune.linear.ModelPath;
import org.prunekit.prune.linear.SparseLinearModel;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Study note figures (stand-alone, until the shared harness runs the configs): outer stratified 5-fold x 2 repeats
 * (seed 42); on each outer-training part a 10-fold cv.glmnet (deviance) picks λ_1se; the λ_1se model and the dense
 * model (smallest λ of the path) are scored on the outer test part. Prints features kept and balanced accuracy /
 * average precision (mean ± sd over outer folds). Usage: {@code L1Report data/breast_cancer_wisconsin.csv M}.
 */
public final class L1Report {

    private L1Report() {}

    public static void main(String[] args) {
        String csv = args[0];
        String positive = args[1];
        Table t = new CsvTableReader("class").read(Path.of(csv));
        List<String> classes = t.classes();
        int pos = classes.indexOf(positive);
        List<double[]> rows = new ArrayList<>();
        int total = 0;
        for (Fold f : StratifiedSplits.kFold(t.classIndex(), 5, 2, 42)) {
            TableEncoder enc = TableEncoder.fit(t, f.train());
            MutableDataset<Label> train = enc.encode(f.train());
            MutableDataset<Label> test = enc.encode(f.test());
            total = enc.featureNames().size();
            LogisticPathOptions o = LogisticPathOptions.defaults();
            L1Study s = L1Study.run(train, o, 10, 42 + f.index());
            ModelPath mp = new LogisticTrainer(o).path(train, s.cv().path().lambdas());
            SparseLinearModel sparse = mp.model(s.cv().index1se());
            SparseLinearModel dense = mp.model(mp.path().size() - 1);
            int[] y = Arrays.stream(f.test())
                    .map(i -> classes.indexOf(t.label(i)))
                    .toArray();
            double[] a = scores(Probabilities.of(sparse, test, classes), y, pos);
            double[] b = scores(Probabilities.of(dense, test, classes), y, pos);
            rows.add(new double[] {
                sparse.featuresUsed().size(),
                sparse.size().details().get("columns"),
                dense.featuresUsed().size(),
                a[0],
                a[1],
                b[0],
                b[1]
            });
        }
        String[] names = {"features@1se", "columns@1se", "features@dense", "BA@1se", "AP@1se", "BA@dense", "AP@dense"};
        System.out.printf(
                "%s: %d encoded features, %d source columns%n",
                csv, total, t.columns().size());
        for (int c = 0; c < names.length; c++) {
            final int cc = c;
            double[] v = rows.stream().mapToDouble(r -> r[cc]).toArray();
            double m = Arrays.stream(v).average().orElse(Double.NaN);
            double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
            System.out.printf("  %-15s %.3f ± %.3f%n", names[c], m, sd);
        }
    }

    /** {balanced accuracy (argmax), average precision (sklearn step-wise) of class {@code pos}}. */
    static double[] scores(double[][] p, int[] y, int pos) {
        int k = p[0].length;
        int[] hit = new int[k];
        int[] cnt = new int[k];
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                best = p[i][c] > p[i][best] ? c : best;
            }
            cnt[y[i]]++;
            hit[y[i]] += best == y[i] ? 1 : 0;
        }
        double ba = 0;
        for (int c = 0; c < k; c++) {
            ba += hit[c] / (double) cnt[c] / k;
        }
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < y.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(p[j][pos], p[i][pos]));
        double npos = cnt[pos];
        double ap = 0;
        double tp = 0;
        double seen = 0;
        double prevRecall = 0;
        for (int a = 0; a < order.length; a++) {
            tp += y[order[a]] == pos ? 1 : 0;
            seen++;
            if (a + 1 < order.length && p[order[a + 1]][pos] == p[order[a]][pos]) {
                continue;
            }
            double recall = tp / npos;
            ap += (recall - prevRecall) * (tp / seen);
            prevRecall = recall;
        }
        return new double[] {ba, ap};
    }
}
