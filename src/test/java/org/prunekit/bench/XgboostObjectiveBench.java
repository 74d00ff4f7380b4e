package org.prunekit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.ensemble.BoostedTrees;
import org.prunekit.prune.ensemble.XgboostFamily;
import org.prunekit.prune.ensemble.XgboostModels;
import org.prunekit.prune.ensemble.XgboostParams;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Benchmark (rerunnable; not a unit test): CPU of one XGBoost fit of family {@code xgboost} with the peers' settings
 * (300 rounds, depth 4, eta 0.1, one thread) on every row of each dataset, {@code objective: auto}
 * ({@code binary:logistic} for these two-class labels, one tree per round) against {@code objective: softprob}
 * (Tribuo's {@code multi:softprob}, two trees per round), alternating, {@code repeats} fits each after one warm-up
 * pair; prints the median thread CPU per fit and the ratio softprob / binary measured in the same run.
 *
 * <p>Run: {@code bench/xgb-objective.sh [REPEATS] [DATASET,...]}.
 */
public final class XgboostObjectiveBench {

    private XgboostObjectiveBench() {}

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[] datasets = (args.length > 1
                        ? args[1]
                        : "breast_cancer_wisconsin,pima_diabetes,german_credit,credit_scoring")
                .split(",");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(
                "%-24s %6s %10s %10s %14s %14s %8s%n",
                "dataset", "rows", "trees bin", "trees soft", "binary ms CPU", "softprob ms CPU", "ratio");
        for (String name : datasets) {
            Table table = TestData.table(name + ".csv");
            int[] all = new int[table.rows()];
            Arrays.setAll(all, i -> i);
            MutableDataset<Label> data = TableEncoder.fit(table, all).encode(all);
            XgboostParams auto = new XgboostParams(300, 4, 0.1, 1.0, 1.0, 0.0, 1.0, 42L, 1, XgboostParams.AUTO);
            XgboostParams softprob = auto.withObjective(XgboostParams.SOFTPROB);
            int binTrees = trees(fit(auto, data, threads).model());
            int softTrees = trees(fit(softprob, data, threads).model());
            double[] bin = new double[repeats];
            double[] soft = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                bin[r] = fit(auto, data, threads).cpuMs();
                soft[r] = fit(softprob, data, threads).cpuMs();
            }
            double b = median(bin);
            double s = median(soft);
            System.out.printf(
                    "%-24s %6d %10d %10d %14.1f %14.1f %7.2fx%n", name, data.size(), binTrees, softTrees, b, s, s / b);
        }
    }

    private record Fit(XGBoostModel<Label> model, double cpuMs) {}

    private static Fit fit(XgboostParams p, MutableDataset<Label> data, ThreadMXBean threads) {
        long t0 = threads.getCurrentThreadCpuTime();
        XGBoostModel<Label> model =
                XgboostModels.require(XgboostFamily.trainer(p).train(data));
        return new Fit(model, (threads.getCurrentThreadCpuTime() - t0) / 1e6);
    }

    private static int trees(XGBoostModel<Label> model) {
        return BoostedTrees.parse(XgboostModels.modelJson(model)).trees().size();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
