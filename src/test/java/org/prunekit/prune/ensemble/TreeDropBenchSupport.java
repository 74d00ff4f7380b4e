package org.prunekit.prune.ensemble;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/** The measurements of {@code org.prunekit.bench.TreeDropBench} (here for package access). */
public final class TreeDropBenchSupport {

    private TreeDropBenchSupport() {}

    public static void run(
            Dataset<Label> train,
            Dataset<Label> heldOut,
            Dataset<Label> timingRows,
            int rounds,
            boolean forwardOnly,
            PrintStream out) {
        long t0 = System.nanoTime();
        XGBoostModel<Label> model = XgboostModels.require(
                XgboostFamily.trainer(new XgboostParams(rounds, 4, 0.1, 1.0, 1.0, 0.0, 1.0, 1L, 1, "auto"))
                        .train(train));
        out.printf("trained %d rounds in %.1f s%n", rounds, secs(t0));
        BoostedTrees trees = BoostedTrees.parse(XgboostModels.modelJson(model));

        // 1. forward selection timing on all rows
        float[][] x = XgboostModels.features(timingRows, model.getFeatureIDMap());
        Targets targets = XgboostModels.targets(timingRows, model.getOutputIDInfo());
        t0 = System.nanoTime();
        RoundContributions rc = RoundContributions.of(trees, x);
        double tContrib = secs(t0);
        t0 = System.nanoTime();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        ForwardSelection forward = new ForwardSelection(new LogLoss(), null);
        int[] order = forward.order(rc, targets, 1, rounds);
        double tForward = secs(t0);
        double cpuForward = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        out.printf(
                "TIME forward selection over %d rounds x %d rows: %.2f s cpu (%.2f s wall; target <= 10 s);"
                        + " order hash %d%n",
                rounds, x.length, cpuForward, tForward, Arrays.hashCode(order));
        if (forwardOnly) {
            return;
        }
        out.printf(
                "forward selection: %d exact evaluations of %d candidate rounds (%.1f%%)%n",
                forward.exactEvaluations(),
                rounds * (rounds - 1L) / 2 + rounds - 1,
                100.0 * forward.exactEvaluations() / (rounds * (rounds - 1L) / 2 + rounds - 1));
        out.printf(
                "round contributions (%d rows x %d rounds): %.2f s; forward selection over all %d rounds: %.2f s%n",
                x.length, rounds, tContrib, rounds, tForward);

        // naive: each candidate at step k re-predicts an ensemble of k+1 rounds (k+1)*K trees over all rows + loss
        int[] probes = {1, rounds / 4, rounds / 2, rounds};
        double[] perCandidate = new double[probes.length];
        LogLoss loss = new LogLoss();
        for (int p = 0; p < probes.length; p++) {
            int[] kept = Arrays.copyOf(order, probes[p]);
            int reps = 0;
            long start = System.nanoTime();
            do {
                double[] m = naiveMargins(trees, kept, x);
                if (loss.loss(m, null, 0, targets) < 0) {
                    throw new AssertionError();
                }
                reps++;
            } while (System.nanoTime() - start < 1_000_000_000L && reps < 3);
            perCandidate[p] = secs(start) / reps;
        }
        // least-squares line t(size) = a + b*size through the probes
        double[] fit = line(probes, perCandidate);
        double naive = 0;
        for (int k = 0; k < rounds - 1; k++) {
            naive += (rounds - k) * (fit[0] + fit[1] * (k + 1));
        }
        out.printf(
                "naive per-candidate prediction+loss: %s s at sizes %s; extrapolated naive forward selection: %.0f s%n",
                Arrays.toString(round3(perCandidate)), Arrays.toString(probes), naive);
        out.printf(
                "RATIO naive / incremental forward selection (incl. contributions): %.0fx%n",
                naive / (tForward + tContrib));

        // 2. size ratio and latency with held-out selection rows
        TreeDrop method = new TreeDrop(new TreeDropParams("forward", TreeDropParams.DEFAULT_SIZES, "log-loss"), 1L);
        t0 = System.nanoTime();
        PruningPath path = method.path(model, train, heldOut);
        out.printf(
                "tree-drop forward path on %d held-out rows: %.1f s, %d candidates%n",
                heldOut.size(), secs(t0), path.candidates().size());
        float[][] xh = XgboostModels.features(heldOut, model.getFeatureIDMap());
        Targets th = XgboostModels.targets(heldOut, model.getOutputIDInfo());
        List<Candidate> cs = path.candidates();
        double fullLoss = loss.loss(RoundContributions.of(trees, xh).fullMargins(), null, 0, th);
        Candidate smallest = cs.get(0);
        for (Candidate c : cs) {
            XGBoostModel<Label> m = XgboostModels.require(c.model());
            double l = loss.loss(
                    RoundContributions.of(BoostedTrees.parse(XgboostModels.modelJson(m)), xh)
                            .fullMargins(),
                    null,
                    0,
                    th);
            out.printf(
                    "  rounds kept %4.0f  params %7d  selection-row (inner) log-loss %.5f%n",
                    c.size().details().get("rounds"), c.size().parameters(), l);
            if (l <= fullLoss && c.size().parameters() <= smallest.size().parameters()) {
                smallest = c;
            }
        }
        out.printf(
                "RATIO size (parameters) smallest with inner log-loss <= full: %.3f (%d of %d rounds)%n",
                smallest.size().parameters() / (double) cs.get(0).size().parameters(),
                smallest.size().details().get("rounds").intValue(),
                rounds);
        double full = latency(cs.get(0), heldOut);
        double pruned = latency(smallest, heldOut);
        out.printf(
                "RATIO latency pruned / full (Tribuo predict, %d rows): %.3f (%.2f vs %.2f us/row)%n",
                heldOut.size(), pruned / full, pruned, full);

        // lasso timing on held-out rows
        t0 = System.nanoTime();
        List<RoundSet> sets = Strategy.byName("lasso", loss, 1L)
                .select(
                        RoundContributions.of(trees, xh),
                        th,
                        IntStream.of(5, 10, 20, 50, 100, 200)
                                .filter(k -> k < rounds)
                                .toArray());
        out.printf(
                "lasso on %d rows: %.1f s, kept %s%n",
                xh.length, secs(t0), sets.stream().map(RoundSet::size).toList());
    }

    private static double latency(Candidate c, Dataset<Label> data) {
        c.model().predict(data);
        long t0 = System.nanoTime();
        int reps = 3;
        for (int i = 0; i < reps; i++) {
            c.model().predict(data);
        }
        return (System.nanoTime() - t0) / 1e3 / reps / data.size();
    }

    static double[] naiveMargins(BoostedTrees trees, int[] rounds, float[][] x) {
        int k = trees.outputs();
        int per = trees.treesPerRound();
        double[] m = new double[x.length * k];
        Arrays.fill(m, trees.baseMargin());
        for (int i = 0; i < x.length; i++) {
            for (int r : rounds) {
                for (int t = r * per; t < (r + 1) * per; t++) {
                    m[i * k + trees.classOf(t)] += trees.trees().get(t).value(x[i]);
                }
            }
        }
        return m;
    }

    private static double[] line(int[] xs, double[] ys) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < xs.length; i++) {
            mx += xs[i];
            my += ys[i];
        }
        mx /= xs.length;
        my /= xs.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < xs.length; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        double b = sxy / sxx;
        return new double[] {my - b * mx, b};
    }

    private static double[] round3(double[] v) {
        return Arrays.stream(v).map(d -> Math.round(d * 1000) / 1000.0).toArray();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
