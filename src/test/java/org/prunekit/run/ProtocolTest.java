package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ConfigLoader;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Seeds;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestFamilies;

/**
 * The protocol is honest: a recording trainer, pruning method and resampler report the row ids they are shown, keyed
 * by the seed the harness gave them (seeds derive from the cell's identity, see {@link CellRunner#cellSeed}). No
 * trainer, method or resampler of an outer cell ever sees a row of that cell's test fold; resampling sees exactly the
 * training part of its fit and never an inner validation row.
 */
class ProtocolTest {

    static final long SEED = 11;

    @TempDir
    Path dir;

    ExperimentConfig config(Path csv, String prune, String out) {
        String yaml = "name: protocol\n"
                + "data: {path: '" + csv + "', positive: pos}\n"
                + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {kind: stratified-kfold, folds: 3}, seed: "
                + SEED + "}\n"
                + "imbalance: {strategy: oversample}\n"
                + "metrics: [balanced-accuracy, average-precision]\n"
                + "arms:\n  - {name: rec, model: {family: test-recording}, prune: " + prune + "}\n";
        TestFamilies.register();
        Map<String, Object> raw = ConfigLoader.parse("protocol.yaml", new StringReader(yaml));
        return ConfigBinder.bind("protocol.yaml", raw, dir, dir.resolve(out));
    }

    Map<Long, List<TestFamilies.Seen>> run(ExperimentConfig cfg) {
        TestFamilies.SEEN.clear();
        Harness.run(
                cfg,
                dir,
                new Harness.Options(
                        1,
                        false,
                        false,
                        Progress.NONE,
                        s -> s.equals("oversample") ? new TestFamilies.RecordingResampler() : null));
        Map<Long, List<TestFamilies.Seen>> bySeed = new HashMap<>();
        synchronized (TestFamilies.SEEN) {
            for (TestFamilies.Seen s : TestFamilies.SEEN) {
                bySeed.computeIfAbsent(s.seed(), k -> new ArrayList<>()).add(s);
            }
        }
        return bySeed;
    }

    static Set<Integer> set(int[] rows) {
        Set<Integer> s = new TreeSet<>();
        for (int r : rows) {
            s.add(r);
        }
        return s;
    }

    static Set<Integer> ids(List<TestFamilies.Seen> seen, String who) {
        assertNotNull(seen, "no call recorded for " + who);
        return seen.stream()
                .filter(s -> s.who().equals(who))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + who + " call"))
                .ids();
    }

    @Test
    void innerCrossValidationNeverSeesTheOuterTestFold() {
        Path csv = StudyFiles.syntheticCsv(dir, 90, 3);
        ExperimentConfig cfg = config(csv, "{method: test-recording-path}", "out-cv");
        Map<Long, List<TestFamilies.Seen>> seen = run(cfg);
        Table t = new CsvTableReader("class").read(csv);
        List<Fold> folds = StratifiedSplits.kFold(t.classIndex(), 3, 1, SEED);
        for (Fold f : folds) {
            Set<Integer> train = set(f.train());
            Set<Integer> test = set(f.test());
            long cell = CellRunner.cellSeed(SEED, cfg.arms().get(0).modelKey(), f.repeat(), f.index());
            // main fit: trained on exactly the outer training rows (after oversampling, which adds copies only)
            assertEquals(train, ids(seen.get(cell), "trainer"));
            assertEquals(train, ids(seen.get(cell), "method-train"));
            assertTrue(ids(seen.get(cell), "method-validation").isEmpty());
            assertEquals(train, ids(seen.get(Seeds.of(cell, "resample")), "resampler"));
            Set<Integer> innerValidationUnion = new HashSet<>();
            for (int j = 0; j < 3; j++) {
                long s = CellRunner.innerSeed(cell, j);
                Set<Integer> innerTrain = ids(seen.get(s), "trainer");
                assertTrue(train.containsAll(innerTrain), "inner fit inside the outer training part");
                assertTrue(innerTrain.size() < train.size(), "inner fit holds rows out");
                assertEquals(
                        innerTrain,
                        ids(seen.get(Seeds.of(s, "resample")), "resampler"),
                        "resampling sees the inner training part only");
                assertEquals(innerTrain, ids(seen.get(s), "method-train"));
                Set<Integer> held = new HashSet<>(train);
                held.removeAll(innerTrain);
                innerValidationUnion.addAll(held);
            }
            assertEquals(train, innerValidationUnion, "inner validation folds cover the outer training part");
            for (TestFamilies.Seen s : TestFamilies.SEEN) {
                if (isOfCell(s.seed(), cell)) {
                    Set<Integer> leak = new HashSet<>(s.ids());
                    leak.retainAll(test);
                    assertTrue(leak.isEmpty(), s.who() + " saw outer test rows " + leak);
                }
            }
        }
        // every call belongs to a known cell: 3 outer cells + 1 refit, each 1 main + 3 inner fits
        assertEquals(
                16,
                TestFamilies.SEEN.stream()
                        .filter(s -> s.who().equals("trainer"))
                        .count());
    }

    @Test
    void innerHoldoutForMethodsThatUseValidationData() {
        Path csv = StudyFiles.syntheticCsv(dir, 90, 4);
        ExperimentConfig cfg = config(csv, "{method: test-recording-path, validation: true}", "out-holdout");
        Map<Long, List<TestFamilies.Seen>> seen = run(cfg);
        Table t = new CsvTableReader("class").read(csv);
        for (Fold f : StratifiedSplits.kFold(t.classIndex(), 3, 1, SEED)) {
            Set<Integer> train = set(f.train());
            long cell = CellRunner.cellSeed(SEED, cfg.arms().get(0).modelKey(), f.repeat(), f.index());
            Set<Integer> fit = ids(seen.get(cell), "trainer");
            Set<Integer> val = ids(seen.get(cell), "method-validation");
            Set<Integer> resampled = ids(seen.get(Seeds.of(cell, "resample")), "resampler");
            assertFalse(val.isEmpty());
            assertEquals(fit, resampled, "resampling sees the fit part only");
            Set<Integer> both = new HashSet<>(fit);
            both.retainAll(val);
            assertTrue(both.isEmpty(), "validation rows are not training rows");
            Set<Integer> union = new HashSet<>(fit);
            union.addAll(val);
            assertEquals(train, union, "fit + validation = outer training part, no test row");
        }
        assertEquals(
                4,
                TestFamilies.SEEN.stream()
                        .filter(s -> s.who().equals("trainer"))
                        .count(),
                "no inner k-fold fits");
    }

    /** Whether a recorded seed belongs to the cell: its own seed, its inner seeds or their resampling seeds. */
    static boolean isOfCell(long seed, long cell) {
        if (seed == cell || seed == Seeds.of(cell, "resample")) {
            return true;
        }
        for (int j = 0; j < 3; j++) {
            long s = CellRunner.innerSeed(cell, j);
            if (seed == s || seed == Seeds.of(s, "resample")) {
                return true;
            }
        }
        return false;
    }
}
