package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * Determinism and kill -9 / {@code --resume} on the real families of {@code configs/quickstart.yaml} (CART +
 * cost-complexity, XGBoost + tree-drop, logistic + l1-path, MLP + magnitude, and their unpruned arms), plus a
 * random-forest tree-drop arm, and the same families under SMOTE. The config is the quickstart's with fewer folds,
 * rounds and epochs so the test stays cheap; everything else (data, metrics, selection) is as shipped. Results are
 * compared without the latency columns, so {@code bytes} must be identical too.
 */
class QuickstartDeterminismTest {

    @TempDir
    Path dir;

    /** configs/quickstart.yaml, smaller, with a random-forest arm; {@code imbalance} replaced when given. */
    private Path config(String name, String imbalance) throws IOException {
        String text = Files.readString(Path.of("configs/quickstart.yaml"));
        String[][] edits = {
            {
                "outer: {kind: stratified-kfold, folds: 5, repeats: 1}",
                "outer: {kind: stratified-kfold, folds: 2, repeats: 1}"
            },
            {"inner: {kind: stratified-kfold, folds: 5}", "inner: {kind: stratified-kfold, folds: 2}"},
            {"rounds: 100", "rounds: 8"},
            {"sizes: [5, 10, 20, 30, 50, 75]", "sizes: [2, 4]"},
            {"epochs: 100", "epochs: 8"},
            {"output: results/quickstart", ""},
            {"\narms:\n", "\ntiming: {rows: 5, repeats: 1}\narms:\n"}
        };
        for (String[] e : edits) {
            assertTrue(text.contains(e[0]), "quickstart.yaml still has " + e[0]);
            text = text.replace(e[0], e[1]);
        }
        text += "  - {name: forest-drop, model: {family: random-forest, members: 6, max-depth: 4},\n"
                + "     prune: {method: tree-drop, strategy: forward, sizes: [2, 4]}}\n";
        if (imbalance != null) {
            text = text.replace("imbalance: {strategy: class-weights}", "imbalance: " + imbalance);
        }
        return StudyFiles.write(dir.resolve(name), text);
    }

    private void run(Path cfg, Path out, String threads) {
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--threads", threads);
        assertEquals(0, r.code(), r.err());
    }

    private static void assertSameResults(Path a, Path b, String what) throws IOException {
        for (String f : new String[] {"candidates.csv", "selected.csv"}) {
            String ref = RunFiles.withoutTiming(a.resolve(f));
            assertTrue(ref.contains("forest-drop") && ref.contains("mlp-magnitude") && ref.contains("xgb-drop"), f);
            assertEquals(ref, RunFiles.withoutTiming(b.resolve(f)), f + ": " + what);
        }
        for (String f : new String[] {"cp-table.csv", "path-columns.csv", "warnings.txt"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f + ": " + what);
        }
    }

    @Test
    @DisplayName("quickstart families: --threads 1, --threads 2 and a rerun give identical results (bytes included)")
    void threadsAndRerun() throws IOException {
        Path cfg = config("quick.yaml", null);
        run(cfg, dir.resolve("t1"), "1");
        run(cfg, dir.resolve("t2"), "2");
        run(cfg, dir.resolve("again"), "2");
        assertSameResults(dir.resolve("t1"), dir.resolve("t2"), "--threads 1 vs 2");
        assertSameResults(dir.resolve("t1"), dir.resolve("again"), "rerun");
        assertBytesFallWithPruning(dir.resolve("t1"));
    }

    /**
     * Issue 13: the summary shows every family's bundle shrinking with pruning, as a ratio to its dense candidate:
     * the mean bytes ratio (chosen / candidate 0, outer folds) of every pruned arm in summary.json is below 1, and
     * summary.md prints it in "Pruned vs dense" and the refit bundle against its dense one in "Model bundles".
     */
    @SuppressWarnings("unchecked")
    private static void assertBytesFallWithPruning(Path run) throws IOException {
        Map<String, Object> summary =
                new ObjectMapper().readValue(run.resolve("summary.json").toFile(), Map.class);
        String md = Files.readString(run.resolve("summary.md"));
        assertTrue(md.contains("| arm | size ratio | bytes ratio |"), "summary.md has the bytes ratio column");
        assertTrue(
                md.contains("| arm | model file | bytes | dense bytes | ratio |"), "summary.md has the bundle table");
        List<String> pruned = List.of("cart-ccp", "xgb-drop", "logistic-l1", "mlp-magnitude", "forest-drop");
        Map<String, Double> ratios = new TreeMap<>();
        for (Object o : (List<Object>) summary.get("arms")) {
            Map<String, Object> arm = (Map<String, Object>) o;
            String name = (String) arm.get("name");
            if (pruned.contains(name)) {
                ratios.put(
                        name, ((Number) ((Map<String, Object>) arm.get("size")).get("bytes_ratio_mean")).doubleValue());
                assertTrue(
                        md.lines().anyMatch(l -> l.startsWith("| " + name + " | `") && l.contains(name + ".model` |")),
                        name + " in the bundle table");
            }
        }
        assertEquals(new TreeSet<>(pruned), ratios.keySet(), "every pruned family is in summary.json");
        ratios.forEach((name, ratio) -> assertTrue(ratio < 1, name + ": bytes ratio " + ratio + " of " + ratios));
    }

    @Test
    @DisplayName("quickstart families under SMOTE: --threads 1 and 2 give identical results")
    void smoteThreads() throws IOException {
        Path cfg = config("smote.yaml", "{strategy: smote}");
        run(cfg, dir.resolve("s1"), "1");
        run(cfg, dir.resolve("s2"), "2");
        assertSameResults(dir.resolve("s1"), dir.resolve("s2"), "SMOTE, --threads 1 vs 2");
    }

    @Test
    @DisplayName("quickstart families: kill -9 mid-run, then --resume, gives the uninterrupted results")
    void killAndResume() throws Exception {
        Path cfg = config("quick.yaml", "{strategy: smote}");
        Path killed = dir.resolve("killed");
        Path cells = killed.resolve("cells");
        KillResumeTest.killAfterCells(cfg, killed, 2, 120);
        assertFalse(
                Files.exists(killed.resolve("summary.md")),
                "killed before the end: " + Files.readString(dir.resolve("child.err")));
        Map<String, String> before = KillResumeTest.contents(KillResumeTest.cellFiles(cells));
        assertFalse(before.isEmpty(), Files.readString(dir.resolve("child.err")));

        StudyFiles.Cli resumed = StudyFiles.cli("run", cfg.toString(), "--out", killed.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        Map<String, String> after = KillResumeTest.contents(KillResumeTest.cellFiles(cells));
        before.forEach((k, v) -> assertEquals(v, after.get(k), "finished cell " + k + " kept as it was"));
        assertEquals(27, after.size(), "9 arms x (2 folds + refit)");

        Path whole = dir.resolve("whole");
        run(cfg, whole, "2");
        assertSameResults(whole, killed, "killed and resumed vs uninterrupted");
    }
}
