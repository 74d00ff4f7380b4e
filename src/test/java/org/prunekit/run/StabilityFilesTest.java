package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/** stability.csv, selection-frequency.csv and selected.csv's features_used from a run with a feature-select arm. */
class StabilityFilesTest {

    @TempDir
    static Path dir;

    static Path out;

    @BeforeAll
    static void runOnce() {
        Path csv = StudyFiles.syntheticCsv(dir, 120, 3);
        Path cfg = StudyFiles.write(
                dir.resolve("fs.yaml"),
                "name: fs\n"
                        + "data: {path: '" + csv + "', positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 3, repeats: 1}, inner: {folds: 2}, seed: 5}\n"
                        + "imbalance: {strategy: class-weights}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: average-precision, rule: best}\n"
                        + "timing: {rows: 5, repeats: 1}\n"
                        + "arms:\n"
                        + "  - {name: fs, model: {family: logistic, nlambda: 10}, prune: {method: feature-select, selector: mim, k: [1, 2, 6]}}\n"
                        + "  - {name: plain, model: {family: test-linear}, prune: {method: none}}\n");
        out = dir.resolve("results");
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
    }

    static List<CSVRecord> read(String file) throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(out.resolve(file))))
                .getRecords();
    }

    @Test
    void stabilityRowsForTheSelectingArmOnly() throws Exception {
        List<CSVRecord> rows = read("stability.csv");
        // chosen, then k = 6, 2, 1 (largest first); the test-linear arm declares no features: no rows
        assertEquals(
                List.of("chosen", "candidate", "candidate", "candidate"),
                rows.stream().map(r -> r.get("point")).toList());
        assertTrue(rows.stream()
                .allMatch(r -> r.get("arm").equals("fs")
                        && r.get("subsets").equals("3")
                        && r.get("total_features").equals("6")));
        assertEquals(
                List.of("6.0", "2.0", "1.0"),
                rows.subList(1, 4).stream().map(r -> r.get("features_mean")).toList());
        assertEquals("1.0", rows.get(1).get("jaccard"), "every fold keeps all 6 features at k = 6");
        assertEquals("NaN", rows.get(1).get("kuncheva"), "undefined when a subset holds every feature");
        for (CSVRecord r : read("selection-frequency.csv")) {
            assertEquals("fs", r.get("arm"));
            double f = Double.parseDouble(r.get("frequency"));
            assertTrue(f > 0 && f <= 1, r.toString());
        }
    }

    @Test
    void selectedListsTheChosenFeatures() throws Exception {
        for (CSVRecord r : read("selected.csv")) {
            Set<String> used = Set.of(r.get("features_used").split(";"));
            if (r.get("arm").equals("plain")) {
                assertEquals(6, used.size(), "an undeclaring model uses every feature: " + used);
            } else {
                assertTrue(Set.of(1, 2, 6).contains(used.size()), used.toString());
            }
        }
    }
}
