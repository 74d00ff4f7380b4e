package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.data.InputException;
import org.prunekit.testing.StudyFiles;

/** The results folder of a run: files, columns, summary, saved models and the rules for existing folders. */
class ResultsTest {

    @TempDir
    static Path dir;

    static Path cfg;
    static Path out;

    @BeforeAll
    static void runOnce() {
        cfg = RunFiles.study(dir, 150, 3, 1, "{rows: 20, repeats: 1}");
        out = dir.resolve("results");
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("prunekit: 8/8 cells"), r.err());
    }

    @Test
    void writesEveryFile() {
        for (String f : List.of(
                "config.yaml",
                "candidates.csv",
                "selected.csv",
                "cp-table.csv",
                "summary.md",
                "summary.json",
                "warnings.txt",
                "path-columns.csv",
                "stability.csv",
                "selection-frequency.csv",
                "report.html",
                "plots/pareto.png",
                "models/lin.model",
                "models/lin.provenance.json",
                "models/lin-dense.model",
                "cells/lin-r0-f0.json",
                "cells/lin-refit.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void columns() throws Exception {
        assertEquals(
                "arm,repeat,fold,candidate,chosen,strength_name,strength,parameters,nonzero_parameters,size_features,"
                        + "bytes,bytes_format,threshold,inner_folds,inner_mean_balanced_accuracy,inner_sd_balanced_accuracy,"
                        + "outer_balanced_accuracy,inner_mean_average_precision,inner_sd_average_precision,outer_average_precision,"
                        + "inner_mean_accuracy,inner_sd_accuracy,outer_accuracy,latency_us",
                Files.readAllLines(out.resolve("candidates.csv")).get(0));
        // lin: 2 candidates x 3 folds, lin-dense: 1 x 3
        assertEquals(1 + 9, Files.readAllLines(out.resolve("candidates.csv")).size());
        assertEquals(
                "arm,repeat,fold,candidate,strength,parameters,nonzero_parameters,bytes,dense_parameters,"
                        + "dense_nonzero_parameters,dense_bytes,outer_balanced_accuracy,outer_average_precision,outer_accuracy,"
                        + "dense_outer_balanced_accuracy,dense_outer_average_precision,dense_outer_accuracy,note,features_used,latency_us,"
                        + "dense_latency_us",
                Files.readAllLines(out.resolve("selected.csv")).get(0));
        assertEquals(1 + 6, Files.readAllLines(out.resolve("selected.csv")).size());
        assertEquals(
                "arm,repeat,fold,candidate,chosen,strength,nonzero_parameters,size_features,selection_metric,inner_mean,"
                        + "inner_sd,inner_se,inner_folds",
                Files.readAllLines(out.resolve("cp-table.csv")).get(0));
        // outer cells and refits: (2 + 1) candidates x 3 folds + 2 + 1 refit candidates
        assertEquals(1 + 9 + 3, Files.readAllLines(out.resolve("cp-table.csv")).size());
    }

    @Test
    void summaryHasArmsPairsAndIntervals() throws Exception {
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, s.get("arms").size());
        JsonNode lin = s.get("arms").get(0);
        assertEquals("lin", lin.get("name").asText());
        JsonNode ap = lin.get("chosen").get("average-precision");
        assertTrue(ap.get("ci_low").asDouble() <= ap.get("mean").asDouble()
                && ap.get("mean").asDouble() <= ap.get("ci_high").asDouble());
        assertEquals(3, lin.get("cells").asInt());
        assertEquals("models/lin.model", lin.get("refit").get("model").asText());
        assertEquals(3, s.get("paired").size(), "one pair of arms x 3 metrics");
        assertEquals(3, s.get("paired").get(0).get("n").asInt());
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(
                md.contains("## Paired comparisons") && md.contains("| lin | lin-dense | average-precision | 3 |"), md);
        // every arm selects like the study: the header states it once, the arms table repeats it per arm
        assertTrue(md.contains("Selection: average-precision, rule one-se, on inner data only"), md);
        assertTrue(md.contains("| lin-dense | ") && md.contains(" | average-precision, one-se | "), md);
        JsonNode prov = new ObjectMapper()
                .readTree(out.resolve("models/lin.provenance.json").toFile());
        assertEquals(64, prov.get("dataset").get("sha256").asText().length());
        assertTrue(prov.get("tribuo_provenance").isArray()
                || prov.get("tribuo_provenance").isObject());
        assertEquals("test-shrink", prov.get("method").asText());
    }

    @Test
    void predictAppliesASavedModel() throws Exception {
        Path csv = dir.resolve("synthetic.csv");
        Path pred = dir.resolve("pred.csv");
        StudyFiles.Cli r = StudyFiles.cli(
                "predict", out.resolve("models/lin-dense.model").toString(), csv.toString(), "--out", pred.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(pred);
        assertEquals("row,predicted,prob_neg,prob_pos", lines.get(0));
        assertEquals(151, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(first[2]) + Double.parseDouble(first[3]), 1e-9);
        assertEquals(
                2,
                StudyFiles.cli(
                                "predict",
                                out.resolve("models/lin-dense.model").toString(),
                                csv.toString(),
                                "--out",
                                pred.toString())
                        .code(),
                "no overwrite without --force");
    }

    @Test
    void predictRefusesJavaSerializedAndGarbageFiles() throws Exception {
        Path javaSer = dir.resolve("evil.model");
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(javaSer))) {
            o.writeObject(new ArrayList<>(List.of("payload")));
        }
        StudyFiles.Cli r = StudyFiles.cli(
                "predict",
                javaSer.toString(),
                dir.resolve("synthetic.csv").toString(),
                "--out",
                dir.resolve("p2.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a prunekit model bundle"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void existingFolders() throws Exception {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", foreign.toString(), "--force");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("was not written by prunekit"), r.err());
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
        assertEquals(
                2,
                StudyFiles.cli("run", cfg.toString(), "--out", out.toString()).code());
        assertEquals(
                2,
                StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--force", "--resume")
                        .code());
        assertEquals(2, StudyFiles.cli("run", cfg.toString(), "--threads", "0").code());
    }

    @Test
    void aDatasetTooLargeForTheHeapIsAClearError() throws Exception {
        Path big = Files.write(dir.resolve("big.csv"), new byte[1 << 20]);
        InputException e = assertThrows(InputException.class, () -> Experiment.checkFits(big, 8L << 20));
        assertTrue(e.getMessage().contains("raise the heap with PRUNEKIT_HEAP"), e.getMessage());
        Experiment.checkFits(big, 1L << 30);
    }

    @Test
    void helpAndVersion() {
        StudyFiles.Cli help = StudyFiles.cli("run", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--resume") && help.out().contains("--threads"), help.out());
        assertEquals(0, StudyFiles.cli("predict", "--help").code());
        assertEquals(0, StudyFiles.cli("validate", "--help").code());
        assertTrue(StudyFiles.cli("--version").out().startsWith("prunekit "));
    }
}
