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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.cli.Main;

/**
 * Pruned models exported as XGBoost JSON load in Python's xgboost (1.7 from Debian) and give the same margins, within
 * 1e-5. Skipped with a message when {@code /usr/bin/python3} cannot import xgboost.
 */
class PythonExportTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String PREDICT = String.join(
            "\n",
            "import sys, numpy as np, xgboost as xgb",
            "b = xgb.Booster(model_file=sys.argv[1])",
            "x = np.loadtxt(sys.argv[2], delimiter=',', ndmin=2)",
            "m = b.predict(xgb.DMatrix(x, missing=np.nan), output_margin=True)",
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

    private double[][] pythonMargins(Path model, float[][] x) throws IOException {
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
                run(List.of(PYTHON, "-c", PREDICT, model.toString(), rows.toString(), out.toString())),
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

    @Test
    void reweightedPrunedModelPredictsTheSameInPython() throws IOException {
        assumeTrue(available, "python3-xgboost is not installed: skipping the export round trip");
        byte[] json = XgboostModels.modelJson(Fixture.MODEL);
        int[] keep = {1, 2, 8, 13, 21, 29};
        double[] weights = {0.8, 1.0, 1.7, 0.3, 2.5, 1.1};
        Path model = dir.resolve("pruned.json");
        XgboostExport.write(XgboostModels.withModelJson(Fixture.MODEL, XgboostJson.keep(json, keep, weights)), model);
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, Fixture.MODEL.getFeatureIDMap());
        double[] ours = RoundContributions.of(BoostedTrees.parse(json), x).margins(keep, weights);
        assertClose(ours, 2, pythonMargins(model, x), "reweighted rounds " + Arrays.toString(keep));
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
        assertClose(ours, 2, pythonMargins(out, x), "CLI export");
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
