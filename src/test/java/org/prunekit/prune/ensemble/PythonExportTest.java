package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunekit.cli.Main;
import org.prunekit.eval.Probabilities;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Pruned models exported as XGBoost JSON ({@code binary:logistic}, the family's two-class default, and
 * {@code multi:softprob}) load in Python's xgboost (1.7 from Debian) and give the same margins, within 1e-5; the
 * binary model's probabilities match Python's {@code predict}. Skipped with a message when {@code /usr/bin/python3} cannot import xgboost.
 */
class PythonExportTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String PREDICT = String.join(
            "\n",
            "import sys, numpy as np, xgboost as xgb",
            "b = xgb.Booster(model_file=sys.argv[1])",
            "x = np.loadtxt(sys.argv[2], delimiter=',', ndmin=2)",
            "m = b.predict(xgb.DMatrix(x, missing=np.nan), output_margin=sys.argv[4] == 'true')",
            "np.savetxt(sys.argv[3], np.atleast_2d(m.reshape(x.shape[0], -1)), delimiter=',', fmt='%.9g')");

    private static boolean available;

    @TempDir
    Path dir;

    @BeforeAll
    static void probe() {
        available = run(List.of(PYTHON, "-c", "import xgboost")) == 0;
    }

    private static int run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            if (p.exitValue() != 0) {
                System.err.println(out);
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Python xgboost's prediction of {@code x}: margins, or the objective's transform of them. */
    private double[][] pythonMargins(Path model, float[][] x, boolean margins) throws IOException {
        Path rows = dir.resolve("rows.csv");
        StringBuilder sb = new StringBuilder();
        for (float[] r : x) {
            for (int j = 0; j < r.length; j++) {
                sb.append(j == 0 ? "" : ",").append(Float.isNaN(r[j]) ? "nan" : Float.toString(r[j]));
            }
            sb.append('\n');
        }
        Files.writeString(rows, sb);
        Path out = dir.resolve("margins.csv");
        assertEquals(
                0,
                run(List.of(
                        PYTHON,
                        "-c",
                        PREDICT,
                        model.toString(),
                        rows.toString(),
                        out.toString(),
                        Boolean.toString(margins))),
                "python xgboost failed");
        return Files.readAllLines(out).stream()
                .map(l -> Arrays.stream(l.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray())
                .toArray(double[][]::new);
    }

    private static void assertClose(double[] ours, int k, double[][] python, String what) {
        assertEquals(ours.length / k, python.length, what + " rows");
        double worst = 0;
        for (int i = 0; i < python.length; i++) {
            for (int j = 0; j < k; j++) {
                worst = Math.max(worst, Math.abs(ours[i * k + j] - python[i][j]));
            }
        }
        assertEquals(0.0, worst, 1e-5, what + ": max |margin difference| vs Python xgboost");
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("binary:logistic", 1, Fixture.MODEL), Arguments.of("multi:softprob", 2, Fixture.SOFTPROB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void reweightedPrunedModelPredictsTheSameInPython(String objective, int columns, XGBoostModel<Label> trained)
            throws IOException {
        assumeTrue(available, "python3-xgboost is not installed: skipping the export round trip");
        byte[] json = XgboostModels.modelJson(trained);
        int[] keep = {1, 2, 8, 13, 21, 29};
        double[] weights = {0.8, 1.0, 1.7, 0.3, 2.5, 1.1};
        Path model = dir.resolve("pruned.json");
        XgboostExport.write(XgboostModels.withModelJson(trained, XgboostJson.keep(json, keep, weights)), model);
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, trained.getFeatureIDMap());
        double[] ours = RoundContributions.of(BoostedTrees.parse(json), x).margins(keep, weights);
        assertClose(
                ours,
                columns,
                pythonMargins(model, x, true),
                objective + " reweighted rounds " + Arrays.toString(keep));
    }

    /**
     * The family's binary model, saved as XGBoost JSON, predicts in Python's xgboost 1.7 (its {@code predict}: σ of
     * the margin) the probability of class id 1 that the Tribuo model gives, within float32 rounding.
     */
    @Test
    void binaryProbabilitiesMatchPythonXgboostPredict() throws IOException {
        assumeTrue(available, "python3-xgboost is not installed: skipping the export round trip");
        Path model = dir.resolve("binary.json");
        XgboostExport.write(Fixture.MODEL, model);
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, Fixture.MODEL.getFeatureIDMap());
        double[][] python = pythonMargins(model, x, false);
        List<String> ids = List.of(
                Fixture.MODEL.getOutputIDInfo().getOutput(0).getLabel(),
                Fixture.MODEL.getOutputIDInfo().getOutput(1).getLabel());
        double[][] ours = Probabilities.of(Fixture.MODEL, Fixture.TEST_DATA, ids);
        double[] flat = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            flat[i] = ours[i][1];
        }
        assertClose(flat, 1, python, "binary probabilities");
    }

    @Test
    void cliExportDropsRoundsAndPythonAgrees() throws IOException {
        assumeTrue(available, "python3-xgboost is not installed: skipping the export round trip");
        Path tribuoFile = dir.resolve("model.tribuo");
        Fixture.MODEL.serializeToFile(tribuoFile);
        Path out = dir.resolve("dropped.json");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int code = Main.run(
                new PrintWriter(so),
                new PrintWriter(se),
                "export",
                tribuoFile.toString(),
                "--format",
                "xgboost-json",
                "--drop-rounds",
                "0,5-9,29",
                "--out",
                out.toString());
        assertEquals(0, code, se.toString());
        assertEquals("wrote 23 of 30 rounds to " + out, so.toString().strip());
        int[] keep = IntStream.range(0, 30)
                .filter(r -> r != 0 && (r < 5 || r > 9) && r != 29)
                .toArray();
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, Fixture.MODEL.getFeatureIDMap());
        double[] ours = RoundContributions.of(BoostedTrees.parse(XgboostModels.modelJson(Fixture.MODEL)), x)
                .margins(keep, null);
        assertClose(ours, 1, pythonMargins(out, x, true), "CLI export");
    }

    @Test
    void cliRejectsBadRoundListsWithOneLine() {
        StringWriter se = new StringWriter();
        int code = Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(se),
                "export-xgboost",
                "--model",
                "src/test/resources/reference/xgboost/breast_cancer_binary.model.json",
                "--keep-rounds",
                "3-200",
                "--out",
                dir.resolve("x.json").toString());
        assertEquals(Main.BAD_INPUT, code);
        assertEquals(
                "prunekit: --keep-rounds: '3-200' is not a range within 0..99",
                se.toString().strip());
    }
}
