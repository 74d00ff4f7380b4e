package org.prunekit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.cli.Main;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Schema;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.linear.LogisticFamily;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The README's last three commands are real: {@code predict} and {@code export --format onnx} on a bundle, then
 * {@code docs/examples/Score.java} run as the README says ({@code java -cp onnxruntime.jar docs/examples/Score.java
 * MODEL ROWS}) prints the labels {@code predict} wrote for the raw rows of {@code docs/examples/new_rows.csv}; the
 * README's snippet is five lines of that file.
 */
class ScoreExampleTest {

    static final Path EXAMPLE = Path.of("docs/examples/Score.java");
    static final Path ROWS = Path.of("docs/examples/new_rows.csv");

    @TempDir
    Path dir;

    @Test
    void readmeSnippetIsTakenFromTheTestedExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```java\n", readme.indexOf("## Ship a pruned model"));
        assertTrue(start >= 0, "README has a java snippet");
        int end = readme.indexOf("```", start + 8);
        List<String> example =
                Files.readAllLines(EXAMPLE).stream().map(String::strip).toList();
        List<String> snippet = readme.substring(start + 8, end)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        for (String line : snippet) {
            assertTrue(example.contains(line), "README line not in " + EXAMPLE + ": " + line);
        }
        assertEquals(5, snippet.size(), "issue 13: the README scores the ONNX file in a 5-line snippet");
        assertTrue(readme.contains(EXAMPLE.toString()) && readme.contains(ROWS.toString()));
    }

    @Test
    void exampleRunsAsTheReadmeSaysAndPrintsWhatPredictPrints() throws Exception {
        // a bundle as `run` saves one: breast cancer, all rows, positive class M with a threshold
        Schema schema = Schema.of("class");
        Table table = new CsvTableReader(schema).read(Path.of("data/breast_cancer_wisconsin.csv"));
        int[] rows = IntStream.range(0, table.rows()).toArray();
        TableEncoder enc = TableEncoder.fit(table, rows);
        LogisticFamily family = new LogisticFamily();
        Model<Label> model = family.trainer(Params.empty(), 1, Map.of()).train(enc.encode(rows));
        long params = family.size(model).parameters();
        PruningRecord record = new PruningRecord(
                "logistic-l1",
                "logistic",
                "none",
                "none",
                0.0,
                0,
                params,
                params,
                params,
                "average-precision",
                "best",
                "0".repeat(64),
                "0".repeat(64),
                PruningRecord.currentVersion());
        List<String> classes = table.classes();
        Path bundle = dir.resolve("logistic-l1.model");
        new Bundle(schema, enc.encoding(), classes, classes.indexOf("M"), 0.4, model, record).save(bundle);

        // README commands 2 and 3: predict the new rows, export the bundle
        Path predictions = dir.resolve("predictions.csv");
        Path onnx = dir.resolve("model.onnx");
        assertEquals(
                0,
                Main.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()),
                        "predict",
                        bundle.toString(),
                        ROWS.toString(),
                        "--out",
                        predictions.toString()));
        assertEquals(
                0,
                Main.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()),
                        "export",
                        bundle.toString(),
                        "--format",
                        "onnx",
                        "--out",
                        onnx.toString()));
        List<String> want = Files.readAllLines(predictions).stream()
                .skip(1)
                .map(line -> line.split(",")[1])
                .toList();
        assertEquals(3, want.size());

        // README command 4: java -cp onnxruntime.jar docs/examples/Score.java model.onnx docs/examples/new_rows.csv
        Path jar = Path.of(OrtEnvironment.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the test JVM's temporary folder (target/, pom.xml): ONNX Runtime leaves its unpack folder behind
        String tmp = "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir");
        Process p = new ProcessBuilder(
                        java.toString(),
                        tmp,
                        "-cp",
                        jar.toString(),
                        EXAMPLE.toString(),
                        onnx.toString(),
                        ROWS.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Score.java finished");
        assertEquals(0, p.exitValue(), out);
        assertEquals(want.toString(), out);
    }
}
