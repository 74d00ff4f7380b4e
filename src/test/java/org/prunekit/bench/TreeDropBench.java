package org.prunekit.bench;

import java.util.Arrays;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.ensemble.TreeDropBenchSupport;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Benchmark of {@code tree-drop} on synth50k (rerunnable; not a unit test):
 * <ol>
 *   <li>forward selection over all rounds of a 300-round XGBoost model with 50,000 selection rows, incremental
 *       (round contributions + lower-bound screening) vs a naive version that re-predicts the candidate ensemble
 *       (tree traversal of every kept tree) for every candidate at every step; the naive total is extrapolated from
 *       timed single-candidate predictions at several ensemble sizes (it would take hours to run);</li>
 *   <li>the smallest forward-selected ensemble whose held-out log-loss is at most the full model's (size ratio) and
 *       its Tribuo prediction latency vs the full model's.</li>
 * </ol>
 * Run: {@code mvn -B -o -q test-compile && java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.prunekit.bench.TreeDropBench} (write the class path once with
 * {@code mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class TreeDropBench {

    private TreeDropBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Table table = TestData.table("synth50k.csv");
        Fold fold = StratifiedSplits.holdout(table.classIndex(), 0.8, 1L);
        TableEncoder enc = TableEncoder.fit(table, fold.train());
        MutableDataset<Label> train = enc.encode(fold.train());
        MutableDataset<Label> heldOut = enc.encode(fold.test());
        int[] all = new int[table.rows()];
        Arrays.setAll(all, i -> i);
        MutableDataset<Label> allRows = enc.encode(all);
        System.out.printf(
                "synth50k: %d training rows, %d held-out rows, %d selection rows for timing%n",
                train.size(), heldOut.size(), allRows.size());
        TreeDropBenchSupport.run(
                train, heldOut, allRows, rounds, args.length > 1 && args[1].equals("forward"), System.out);
    }
}
