package org.prunekit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.Predictions;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.cli.Main;
import org.prunekit.config.Registry;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Schema;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * {@code prunekit export BUNDLE --format onnx}: the file it writes, fed the raw columns of a CSV with missing cells
 * and categorical columns, gives the probabilities and labels {@code predict} gives for that CSV with the bundle.
 */
class OnnxCliTest {

    static final double THRESHOLD = 0.35;

    @TempDir
    static Path dir;

    static Path csv;
    static Schema schema;
    static Table table;
    static TableEncoder encoder;

    @BeforeAll
    static void data() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("data/credit_scoring.csv"));
        csv = dir.resolve("credit_300.csv");
        Files.write(csv, lines.subList(0, 301));
        schema = Schema.of("class").withMissingIndicators(true);
        table = new CsvTableReader(schema).read(csv);
        encoder = TableEncoder.fit(table, IntStream.range(0, table.rows()).toArray(), true);
    }

    static Path bundle(String family, Map<String, Object> params) {
        ModelFamily f = Registry.families().get(family);
        Model<Label> m = f.trainer(new Params("test.yaml", "model", params), 3, Map.of())
                .train(encoder.encode(IntStream.range(0, table.rows()).toArray()));
        long p = f.size(m).parameters();
        PruningRecord record = new PruningRecord(
                family + "-arm",
                family,
                "none",
                "none",
                0.0,
                0,
                p,
                f.size(m).nonZeroParameters(),
                p,
                "average-precision",
                "best",
                "0".repeat(64),
                "0".repeat(64),
                PruningRecord.currentVersion());
        List<String> classes = table.classes();
        Bundle b = new Bundle(schema, encoder.encoding(), classes, classes.indexOf("bad"), THRESHOLD, m, record);
        Path file = dir.resolve(family + ".model");
        b.save(file);
        return file;
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {
            Integer.toString(code), out.toString().strip(), err.toString().strip()
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"cart", "xgboost", "random-forest", "logistic", "mlp"})
    void onnxFileScoresRawRowsAsPredictDoes(String family) throws Exception {
        Path model = bundle(family, Map.of());
        Path onnx = dir.resolve(family + ".onnx");
        String[] r = run("export", model.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains(onnx.toString()), r[1]);
        Bundle b = Bundle.load(model);
        Predictions want = b.predict(csv);
        RawRows.Scored got =
                RawRows.score(Files.readAllBytes(onnx), table, RawColumns.of(b.encoding(), schema.missingTokens()));
        int bad = want.classes().indexOf("bad");
        assertEquals(table.rows(), want.size());
        for (int i = 0; i < want.size(); i++) {
            double[] p = want.probabilities(i);
            for (int k = 0; k < p.length; k++) {
                assertEquals(p[k], got.probabilities()[i][k], 1e-5, family + " row " + i);
            }
            if (Math.abs(p[bad] - THRESHOLD) > 1e-6) {
                assertEquals(want.predicted()[i], got.labels()[i], family + " label of row " + i);
            }
        }
    }

    @Test
    void aModelWithoutTranslationIsOneLineAndExitTwo() {
        Path model = bundle("baseline", Map.of("strategy", "most-frequent"));
        Path onnx = dir.resolve("baseline.onnx");
        String[] r = run("export", model.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(Integer.toString(Main.BAD_INPUT), r[0]);
        assertEquals(
                "prunekit: " + model + ": cannot be exported as ONNX: no ONNX translation for "
                        + "DummyClassifierModel",
                r[2]);
        assertFalse(Files.exists(onnx));
    }

    @Test
    void roundOptionsBelongToXgboostJson() {
        Path model = bundle("cart", Map.of());
        String[] r = run(
                "export",
                model.toString(),
                "--format",
                "onnx",
                "--keep-rounds",
                "0",
                "--out",
                dir.resolve("x.onnx").toString());
        assertEquals(Integer.toString(Main.BAD_INPUT), r[0]);
        assertEquals("prunekit: --keep-rounds/--drop-rounds: apply to --format xgboost-json only", r[2]);
    }
}
