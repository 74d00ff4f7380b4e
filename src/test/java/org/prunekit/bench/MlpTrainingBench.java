package org.prunekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.nn.Activation;
import org.prunekit.prune.nn.MlpParams;
import org.prunekit.prune.nn.MlpTrainingBenchSupport;
import org.prunekit.testing.ReferenceCases;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Dense MLP training on the PyTorch reference protocol (breast cancer, the reference file's training rows,
 * 30-64-32-2 ReLU, full-batch Adam lr 1e-2, 300 epochs, seeds 0..4): our scalar and vector kernels against PyTorch
 * single-thread measured in the same run (as installed, and with OpenBLAS preloaded; see {@link TorchTiming}). Ratios
 * are of CPU seconds (median over seeds), the figure that survives a shared machine; wall seconds are printed too.
 * Also checks that both kernels train the same weights bit for bit.
 *
 * <p>Run: {@code bench/mlp.sh train}.
 */
public final class MlpTrainingBench {

    private MlpTrainingBench() {}

    public static void main(String[] args) throws Exception {
        Path refFile = ReferenceCases.root().resolve("mlp/breast_cancer_torch.json");
        JsonNode ref = ReferenceCases.read(refFile);
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        Set<Integer> test = new HashSet<>();
        for (int r : ReferenceCases.ints(ref.get("test_rows"))) {
            test.add(r);
        }
        int[] train =
                IntStream.range(0, t.rows()).filter(r -> !test.contains(r)).toArray();
        MutableDataset<Label> tr = TableEncoder.fit(t, train).encode(train);
        MlpParams p = new MlpParams(
                new int[] {64, 32},
                Activation.RELU,
                MlpParams.Optimizer.ADAM,
                1e-2,
                0.9,
                300,
                0,
                0.0,
                0.0,
                0,
                0.1,
                null);
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(
                "dense training, %d rows, 30-64-32-2, 300 full-batch Adam epochs, median of %d seeds%n",
                tr.size(), seeds);
        MlpTrainingBenchSupport.Timing[] ours = MlpTrainingBenchSupport.time(tr, p, seeds);
        for (MlpTrainingBenchSupport.Timing o : ours) {
            System.out.printf(
                    "  prunekit %-28s %.3f s cpu  %.3f s wall%n", o.kernels(), o.cpuSeconds(), o.wallSeconds());
        }
        MlpTrainingBenchSupport.Timing best = ours[ours.length - 1];
        System.out.printf(
                "  vector and scalar kernels train the same weights: %s%n", best.sameWeightsAsScalar() ? "yes" : "NO");
        System.out.printf(
                "RATIO scalar / %s kernels (cpu): %.2f%n", best.kernels(), ours[0].cpuSeconds() / best.cpuSeconds());
        if (!TorchTiming.available()) {
            System.out.println("PyTorch: /usr/bin/python3 cannot import torch (apt-get install python3-torch);"
                    + " no comparison");
            System.exit(best.sameWeightsAsScalar() ? 0 : 1);
        }
        TorchTiming.Seconds plain = TorchTiming.run(refFile, null);
        Path ob = TorchTiming.openblas();
        TorchTiming.Seconds withOb = ob == null ? null : TorchTiming.run(refFile, ob);
        report("PyTorch 1 thread, Debian's BLAS", plain, best);
        report("PyTorch 1 thread, OpenBLAS preloaded", withOb, best);
        System.exit(best.sameWeightsAsScalar() ? 0 : 1);
    }

    private static void report(String what, TorchTiming.Seconds torch, MlpTrainingBenchSupport.Timing ours) {
        if (torch == null) {
            System.out.println("  " + what + ": not measured");
            return;
        }
        System.out.printf(
                "  %-40s %.3f s cpu  %.3f s wall  (torch threads %d, BLAS %s)%n",
                what, torch.cpu(), torch.wall(), torch.threads(), torch.blas());
        if (torch.threads() != 1) {
            System.out.println("  WARNING: PyTorch did not run on exactly one thread; the ratio is not single-thread");
        }
        System.out.printf("RATIO prunekit / %s (cpu): %.2f (target <= 1.5)%n", what, ours.cpuSeconds() / torch.cpu());
    }
}
