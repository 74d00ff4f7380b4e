package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/** The threshold strategy with an outer holdout, end to end: chosen on inner data, saved, applied by predict. */
class StrategiesTest {

    @TempDir
    Path dir;

    @Test
    void thresholdIsChosenPerCandidateSavedAndApplied() throws Exception {
        Path csv = StudyFiles.syntheticCsv(dir, 160, 9);
        Path cfg = StudyFiles.write(
                dir.resolve("t.yaml"),
                "name: thr\n"
                        + "data: {path: '" + csv + "', positive: pos}\n"
                        + "split: {outer: {kind: holdout, test-fraction: 0.3, repeats: 2}, inner: {folds: 3}, seed: 3}\n"
                        + "imbalance: {strategy: threshold}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: balanced-accuracy, rule: best}\n"
                        + "timing: {rows: 10, repeats: 1}\n"
                        + "arms: [{name: lin, model: {family: test-linear}, prune: {method: test-shrink}}]\n");
        Path out = dir.resolve("out");
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(out.resolve("candidates.csv"))))
                .getRecords();
        assertEquals(2 * 2, rows.size(), "2 holdout repeats x 2 candidates");
        for (CSVRecord c : rows) {
            double t = Double.parseDouble(c.get("threshold"));
            assertTrue(t >= 0 && t <= 1, "threshold in [0, 1]: " + t);
            assertEquals("0", c.get("fold"));
        }
        JsonNode prov = new ObjectMapper()
                .readTree(out.resolve("models/lin.provenance.json").toFile());
        assertTrue(prov.get("threshold").isNumber());
        assertEquals("pos", prov.get("positive").asText());
        double t = prov.get("threshold").asDouble();
        Path pred = dir.resolve("pred.csv");
        assertEquals(
                0,
                StudyFiles.cli(
                                "predict",
                                out.resolve("models/lin.model").toString(),
                                csv.toString(),
                                "--out",
                                pred.toString())
                        .code());
        for (CSVRecord p : CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(pred)))
                .getRecords()) {
            String expected = Double.parseDouble(p.get("prob_pos")) >= t ? "pos" : "neg";
            assertEquals(expected, p.get("predicted"), "row " + p.get("row"));
        }
    }
}
