package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.Predictions;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;

/**
 * For every family, the refit model saved as a bundle and read back predicts its own training CSV exactly as the
 * in-process model predicts the rows the harness encoded: the same probabilities, bit for bit, and the label the
 * bundle's threshold gives. Two datasets: credit_scoring (missing cells, with missing indicators) and german_credit
 * (categorical columns, one-hot encoded). Family xgboost twice: its two-class default ({@code binary:logistic}, one
 * output column) and {@code objective: softprob} (Tribuo's {@code multi:softprob}).
 */
class BundleParityTest {

    @TempDir
    static Path dir;

    /** Arm config per family, small enough for a unit test. */
    static final List<String> ARMS = List.of(
            "{name: cart, model: {family: cart}, prune: {method: cost-complexity}}",
            "{name: xgb, model: {family: xgboost, rounds: 12, max-depth: 3, eta: 0.3},"
                    + " prune: {method: tree-drop, strategy: forward, sizes: [4, 8]}}",
            "{name: xgb-softprob, model: {family: xgboost, rounds: 12, max-depth: 3, eta: 0.3, objective: softprob},"
                    + " prune: {method: tree-drop, strategy: forward, sizes: [4, 8]}}",
            "{name: forest, model: {family: random-forest, members: 6}, prune: {method: tree-drop}}",
            "{name: ada, model: {family: adaboost, members: 5}, prune: {method: tree-drop}}",
            "{name: l1, model: {family: logistic}, prune: {method: l1-path}}",
            "{name: liblinear, model: {family: logistic}, prune: {method: liblinear-path}}",
            "{name: mlp, model: {family: mlp, epochs: 15, hidden: [16]},"
                    + " prune: {method: magnitude, sparsities: [0, 0.5, 0.9]}}",
            "{name: mlp-neuron, model: {family: mlp, epochs: 15, hidden: [16]},"
                    + " prune: {method: magnitude, granularity: neuron, sparsities: [0, 0.5]}}",
            "{name: fs, model: {family: cart}, prune: {method: feature-select, selector: mim, k: [2, 4]}}",
            "{name: base, model: {family: baseline, strategy: most-frequent}, prune: {method: none}}");

    static Stream<Arguments> cases() {
        return Stream.of("credit", "german").flatMap(d -> ARMS.stream().map(a -> Arguments.of(d, a)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refitBundlePredictsItsTrainingCsvBitForBit(String data, String arm) throws IOException {
        Path csv = data.equals("credit") ? head("credit_scoring.csv", 500) : head("german_credit.csv", 300);
        String dataLine = data.equals("credit")
                ? "data: {path: " + csv.getFileName() + ", target: class, positive: bad, missing-indicators: true}\n"
                : "data: {path: " + csv.getFileName() + ", target: class, positive: bad}\n";
        Path cfgFile = Files.writeString(
                dir.resolve(data + "-" + arm.hashCode() + ".yaml"),
                "name: parity\n" + dataLine
                        + "split: {outer: {kind: stratified-kfold, folds: 2}, inner: {kind: stratified-kfold, folds: 2},"
                        + " seed: 7}\n"
                        + "imbalance: {strategy: threshold}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: balanced-accuracy, rule: best}\n"
                        + "arms:\n  - " + arm + "\noutput: out\n");
        ExperimentConfig cfg = ConfigBinder.load(cfgFile, dir, dir.resolve("out"));
        Study study = Experiment.prepare(cfg, dir, null);
        CellRunner.Outcome o = new CellRunner(study).run(cfg.arms().get(0), null);
        int n = study.table().rows();
        int[] all = IntStream.range(0, n).toArray();
        double[][] inProcess = Probabilities.of(
                o.chosenModel(),
                TableEncoder.fit(study.table(), all, cfg.data().schema().missingIndicators())
                        .encode(all),
                study.classes());

        Bundle saved =
                RefitBundle.of(cfg, study, cfg.arms().get(0), o, o.result().chosen(), "c", "d");
        Path file = dir.resolve(data + "-" + cfg.arms().get(0).name() + ".model");
        saved.save(file);
        Predictions p = Bundle.load(file).predict(csv);

        assertEquals(n, p.size());
        double t = o.result().chosenCandidate().threshold();
        int pos = study.positive();
        for (int i = 0; i < n; i++) {
            assertArrayEquals(inProcess[i], p.probabilities(i), "row " + i);
            double[] q = inProcess[i];
            int expected = Double.isNaN(t) ? (q[1] > q[0] ? 1 : 0) : (q[pos] >= t ? pos : 1 - pos);
            assertEquals(study.classes().get(expected), p.predicted()[i], "label of row " + i);
        }
    }

    /** The header and the first {@code rows} data rows of a bundled dataset. */
    static Path head(String name, int rows) throws IOException {
        Path out = dir.resolve(name);
        if (!Files.exists(out)) {
            List<String> lines = Files.readAllLines(Path.of("data", name));
            Files.write(out, lines.subList(0, rows + 1));
        }
        return out;
    }
}
