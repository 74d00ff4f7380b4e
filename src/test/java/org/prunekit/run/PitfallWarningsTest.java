package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * The pitfall warnings of docs/pitfalls.md, each triggered by its config in {@code configs/pitfalls/} (run with fewer
 * folds to keep the test cheap; arms, data, metrics and selection as shipped), in {@code warnings.txt} and on stderr,
 * one line each starting with its id, and not raised for the honest arm beside it.
 */
class PitfallWarningsTest {

    @TempDir
    Path dir;

    /** The shipped config with smaller outer and inner folds. */
    private Path derived(String name, String... replacements) throws IOException {
        String text = Files.readString(Path.of("configs/pitfalls", name));
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(text.contains(replacements[i]), name + " contains " + replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return StudyFiles.write(dir.resolve(name), text);
    }

    private static String warnings(Path out) throws IOException {
        return Files.readString(out.resolve("warnings.txt"));
    }

    @Test
    @DisplayName("accuracy-hides-collapse: selecting CART pruning by accuracy on lending_club (5 % bad)")
    void accuracyHidesCollapse() throws IOException {
        Path cfg = derived(
                "accuracy-hides-collapse.yaml",
                "folds: 5, repeats: 1}",
                "folds: 2, repeats: 1}",
                "inner: {kind: stratified-kfold, folds: 3}",
                "inner: {kind: stratified-kfold, folds: 2}");
        Path out = dir.resolve("collapse");
        StudyFiles.Cli run = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        String w = warnings(out);
        assertTrue(
                w.lines().anyMatch(l -> l.startsWith("accuracy-hides-collapse: arm cart-ccp-by-accuracy's chosen")), w);
        assertFalse(w.contains("arm cart-dense's"), "the unpruned tree does not collapse: " + w);
        assertTrue(
                run.err().contains("prunekit: warning: accuracy-hides-collapse: arm cart-ccp-by-accuracy"), run.err());
    }

    @Test
    @DisplayName("no-speedup: L1 bundle dominated by names warns; sparse MLP bundle and tree-drop do not")
    void noSpeedup() throws IOException {
        Path cfg = derived(
                "masks-no-speedup.yaml",
                "folds: 5, repeats: 1}",
                "folds: 2, repeats: 1}",
                "inner: {kind: stratified-kfold, folds: 3}",
                "inner: {kind: stratified-kfold, folds: 2}");
        Path out = dir.resolve("speed");
        StudyFiles.Cli run = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        String w = warnings(out);
        assertTrue(w.lines().anyMatch(l -> l.startsWith("no-speedup: arm logistic-l1's chosen candidates keep")), w);
        assertFalse(w.contains("no-speedup: arm mlp-magnitude"), "bundles store a pruned MLP sparse: " + w);
        assertFalse(w.contains("no-speedup: arm xgboost-tree-drop"), "dropping rounds removes storage: " + w);
        assertFalse(w.contains("no-speedup: arm mlp-dense"), w);
    }

    @Test
    @DisplayName("alpha-across-criteria: cost-complexity arms with gini and entropy trees (validate)")
    void alphaAcrossCriteria() {
        StudyFiles.Cli v = StudyFiles.cli("validate", "configs/pitfalls/alpha-across-criteria.yaml");
        assertEquals(0, v.code(), v.err());
        assertTrue(
                v.err()
                        .contains("warning: configs/pitfalls/alpha-across-criteria.yaml: alpha-across-criteria: arms "
                                + "entropy-cv (entropy) and gini-cv (gini) prune by cost-complexity"),
                v.err());
        StudyFiles.Cli quick = StudyFiles.cli("validate", "configs/quickstart.yaml");
        assertFalse(quick.err().contains("alpha-across-criteria"), "one criterion: no warning");
    }
}
