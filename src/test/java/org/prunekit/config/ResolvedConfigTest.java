package org.prunekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolved config ({@code config.yaml} in the results, and the run's fingerprint) holds every key that changes
 * what a run does, data and imbalance options included, and binds back to itself.
 */
class ResolvedConfigTest {

    @TempDir
    Path dir;

    static Map<String, Object> raw(Map<String, Object> imbalance) {
        return Map.of(
                "name",
                "r",
                "data",
                Map.of(
                        "path",
                        "d.csv",
                        "missing-tokens",
                        List.of("NA", "?"),
                        "missing-indicators",
                        true,
                        "bad-rows",
                        "skip",
                        "types",
                        Map.of("zip", "categorical")),
                "imbalance",
                imbalance,
                "arms",
                List.of(Map.of("name", "b", "model", Map.of("family", "baseline"))));
    }

    @SuppressWarnings("unchecked")
    @Test
    void dataAndImbalanceOptionsAreWrittenAndBindBack() {
        ExperimentConfig cfg =
                ConfigBinder.bind("r.yaml", raw(Map.of("strategy", "smote", "k", 3, "ratio", 0.5)), dir, null);
        Map<String, Object> resolved = cfg.resolved();
        Map<String, Object> data = (Map<String, Object>) resolved.get("data");
        assertEquals(List.of("?", "NA"), data.get("missing-tokens"));
        assertEquals(true, data.get("missing-indicators"));
        assertEquals("skip", data.get("bad-rows"));
        assertEquals(Map.of("zip", "categorical"), data.get("types"));
        assertEquals(Map.of("strategy", "smote", "k", 3, "ratio", 0.5), resolved.get("imbalance"));
        assertEquals(resolved, ConfigBinder.bind("r.yaml", resolved, dir, null).resolved());
    }

    @Test
    void anImbalanceOptionChangesTheResolvedConfig() {
        Map<String, Object> half = ConfigBinder.bind(
                        "r.yaml", raw(Map.of("strategy", "undersample", "ratio", 0.5)), dir, null)
                .resolved();
        Map<String, Object> full = ConfigBinder.bind("r.yaml", raw(Map.of("strategy", "undersample")), dir, null)
                .resolved();
        assertEquals(Map.of("strategy", "undersample", "ratio", 1.0), full.get("imbalance"));
        assertNotEquals(half, full);
    }
}
