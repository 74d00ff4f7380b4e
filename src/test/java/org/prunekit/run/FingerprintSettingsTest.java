package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.report.OutputFolder;

/**
 * A run's {@code --resume} fingerprint holds every arm's settings with the defaults filled in, not only the blocks
 * as written: a folder started by a prunekit whose defaults differed (the XGBoost objective was {@code softprob}
 * before it became {@code auto}) is refused rather than finished with cells from other models.
 */
class FingerprintSettingsTest {

    @TempDir
    Path dir;

    private ExperimentConfig config() {
        Map<String, Object> raw = Map.of(
                "name",
                "r",
                "data",
                Map.of("path", "d.csv"),
                "arms",
                List.of(
                        Map.of(
                                "name",
                                "x",
                                "model",
                                Map.of("family", "xgboost"),
                                "prune",
                                Map.of("method", "tree-drop")),
                        Map.of(
                                "name",
                                "t",
                                "model",
                                Map.of("family", "cart"),
                                "prune",
                                Map.of("method", "cost-complexity"))));
        return ConfigBinder.bind("r.yaml", raw, dir, null);
    }

    @Test
    void settingsCarryTheDefaultsTheConfigLeavesOut() {
        ExperimentConfig cfg = config();
        String xgb = cfg.arms().get(0).settings();
        assertTrue(xgb.startsWith("family=xgboost, "), xgb);
        assertTrue(xgb.contains("objective=auto"), xgb);
        assertTrue(xgb.contains("; method=tree-drop"), xgb);
        String cart = cfg.arms().get(1).settings();
        assertTrue(cart.contains("max-depth="), cart);
        assertTrue(cart.contains("; method=cost-complexity"), cart);
    }

    @Test
    void aFolderWhoseFingerprintLacksTheSettingsIsNotResumed() throws Exception {
        ExperimentConfig cfg = config();
        String dataSha = "0".repeat(64);
        // the marker a prunekit before this change wrote: resolved config and data only, defaults not included
        String withoutSettings = Experiment.sha256(Harness.studyYaml(cfg) + "\ndata " + dataSha);
        String now = Harness.fingerprint(cfg, dataSha);
        assertNotEquals(withoutSettings, now);

        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(OutputFolder.MARKER), withoutSettings + "\n");
        InputException e =
                assertThrows(InputException.class, () -> OutputFolder.check(out, now, false, true, List.of()));
        assertTrue(e.getMessage().contains("cannot resume"), e.getMessage());

        Files.writeString(out.resolve(OutputFolder.MARKER), now + "\n");
        assertDoesNotThrow(() -> OutputFolder.check(out, now, false, true, List.of()));
    }
}
