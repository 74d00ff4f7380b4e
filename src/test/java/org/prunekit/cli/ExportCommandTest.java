package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.prune.ensemble.BoostedTrees;

class ExportCommandTest {

    static final String XGB = "src/test/resources/reference/xgboost/breast_cancer_binary.model.json";

    @TempDir
    Path dir;

    @Test
    void unknownFormatIsOneLineAndExitTwo() {
        Path out = dir.resolve("m.x");
        CliRun r = CliRun.of("export", XGB, "--format", "pmml", "--out", out.toString());
        assertEquals(Main.BAD_INPUT, r.exit());
        assertEquals(
                "prunekit: --format: must be one of onnx, xgboost-json but was 'pmml'",
                r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void xgboostJsonKeepsTheRoundsAsked() throws Exception {
        Path out = dir.resolve("m.json");
        CliRun r =
                CliRun.of("export", XGB, "--format", "xgboost-json", "--keep-rounds", "0-9", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("wrote 10 of 100 rounds to " + out, r.out().strip());
        assertEquals(10, BoostedTrees.parse(Files.readAllBytes(out)).rounds());
    }
}
