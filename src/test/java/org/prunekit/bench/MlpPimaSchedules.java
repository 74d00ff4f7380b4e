package org.prunekit.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.nn.MagnitudeParams;
import org.prunekit.prune.nn.MagnitudePruning;
import org.prunekit.prune.nn.MlpModel;
import org.prunekit.prune.nn.MlpParams;
import org.prunekit.prune.nn.MlpTrainer;
import org.prunekit.prune.nn.NeuronPruner;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.PruningMethod;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The schedules of {@code configs/mlp-pruning-pima.yaml} without the harness: 5-fold stratified CV (seed 42) on pima,
 * balanced class weights as example weights on the training folds, family {@code mlp} at its defaults; every candidate
 * of every path scored on the test fold. Prints mean balanced accuracy and average precision (positive class
 * {@code pos}) per schedule and sparsity. Metrics computed here as scikit-learn does (balanced accuracy = mean recall;
 * AP = step-wise sum of (R_n - R_{n-1}) P_n over distinct thresholds).
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.prunekit.bench.MlpPimaSchedules}.
 */
public final class MlpPimaSchedules {

    public static void main(String[] args) {
        Table t = TestData.table("pima_diabetes.csv");
        List<String> classes = t.classes();
        int pos = classes.indexOf("pos");
        List<Fold> folds = StratifiedSplits.kFold(t.classIndex(), 5, 1, 42);
        MlpParams hp = MlpParams.defaults();
        MagnitudeParams base = MagnitudeParams.defaults();
        Map<String, LongFunction<PruningMethod>> arms = new LinkedHashMap<>();
        arms.put("one-shot", s -> new MagnitudePruning(base, hp, s));
        arms.put("iterative", s -> new MagnitudePruning(base.withSchedule(MagnitudeParams.Schedule.ITERATIVE), hp, s));
        arms.put("gradual", s -> new MagnitudePruning(base.withSchedule(MagnitudeParams.Schedule.GRADUAL), hp, s));
        arms.put(
                "layer-wise",
                s -> new MagnitudePruning(base.withNeurons(false, NeuronPruner.Criterion.L1, false), hp, s));
        arms.put(
                "neurons-l1",
                s -> new MagnitudePruning(
                        base.withSparsities(0, 0.25, 0.5, 0.75, 0.9)
                                .withNeurons(true, NeuronPruner.Criterion.L1, false),
                        hp,
                        s));
        arms.put("random", s -> MagnitudePruning.random(base, hp, s));
        Map<String, TreeMap<Double, double[]>> sums = new LinkedHashMap<>();
        for (Fold f : folds) {
            TableEncoder enc = TableEncoder.fit(t, f.train());
            MutableDataset<Label> tr = enc.encode(f.train());
            MutableDataset<Label> te = enc.encode(f.test());
            balance(tr);
            long seed = 42 + f.index();
            MlpModel m = new MlpTrainer(hp, seed).train(tr);
            int[] y = Arrays.stream(f.test())
                    .map(r -> classes.indexOf(t.label(r)))
                    .toArray();
            for (var arm : arms.entrySet()) {
                for (Candidate c : arm.getValue().apply(seed).path(m, tr, null).candidates()) {
                    double[][] p = Probabilities.of(c.model(), te, classes);
                    double[] s = sums.computeIfAbsent(arm.getKey(), k -> new TreeMap<>())
                            .computeIfAbsent(c.strength(), k -> new double[4]);
                    s[0] += balancedAccuracy(y, p) / folds.size();
                    s[1] += averagePrecision(y, p, pos) / folds.size();
                    s[2] += c.size().nonZeroParameters() / (double) folds.size();
                    s[3] += c.size().details().get("flops") / folds.size();
                }
            }
            System.out.println("fold " + f.index() + " done");
        }
        System.out.println("\nschedule     sparsity  balanced-acc  avg-precision  non-zero params  flops");
        sums.forEach((arm, bySparsity) -> bySparsity.forEach((s, v) -> System.out.printf(
                "%-11s  %.2f      %.4f        %.4f         %7.0f          %7.0f%n", arm, s, v[0], v[1], v[2], v[3])));
    }

    /** Balanced class weights n / (k n_c) as example weights. */
    static void balance(MutableDataset<Label> d) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Example<Label> e : d) {
            counts.merge(e.getOutput().getLabel(), 1, Integer::sum);
        }
        for (Example<Label> e : d) {
            e.setWeight((float) (d.size()
                    / (double) (counts.size() * counts.get(e.getOutput().getLabel()))));
        }
    }

    static double balancedAccuracy(int[] y, double[][] p) {
        int k = p[0].length;
        double[] hit = new double[k];
        double[] n = new double[k];
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            n[y[i]]++;
            if (best == y[i]) {
                hit[y[i]]++;
            }
        }
        double s = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (n[c] > 0) {
                s += hit[c] / n[c];
                present++;
            }
        }
        return s / present;
    }

    static double averagePrecision(int[] y, double[][] p, int pos) {
        Integer[] idx = new Integer[y.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[b][pos], p[a][pos]));
        double totalPos = Arrays.stream(y).filter(v -> v == pos).count();
        double tp = 0;
        double fp = 0;
        double ap = 0;
        double prevRecall = 0;
        for (int i = 0; i < idx.length; i++) {
            if (y[idx[i]] == pos) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfThreshold = i == idx.length - 1 || p[idx[i + 1]][pos] != p[idx[i]][pos];
            if (lastOfThreshold) {
                double recall = tp / totalPos;
                ap += (recall - prevRecall) * (tp / (tp + fp));
                prevRecall = recall;
            }
        }
        return ap;
    }
}
