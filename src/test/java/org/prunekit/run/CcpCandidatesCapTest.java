package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.eval.Selection;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestData;

/**
 * End to end, {@code candidates: N} for cost-complexity against the same study without it: cp-table.csv still lists
 * every alpha of each cell's weakest-link path; candidates.csv holds at most N subtrees per cell; each scored subtree
 * has exactly its uncapped inner score; and the 1-SE rule picks among the scored subtrees what it picks from the
 * uncapped scores of those same subtrees.
 */
class CcpCandidatesCapTest {

    @TempDir
    Path dir;

    private Path run(String name, String prune) {
        Path cfg = StudyFiles.write(
                dir.resolve(name + ".yaml"),
                "name: " + name + "\n"
                        + "data: {path: '" + TestData.path("breast_cancer_wisconsin.csv") + "', target: class, "
                        + "positive: M}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {folds: 3}, seed: 11}\n"
                        + "metrics: [average-precision, balanced-accuracy]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "arms:\n"
                        + "  - {name: ccp, model: {family: cart}, prune: {method: cost-complexity" + prune + "}}\n");
        Path out = dir.resolve(name);
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void scoresNSubtreesKeepsEveryAlphaAndSelectsAsWithoutTheCap() throws IOException {
        int cap = 5;
        Map<String, List<CSVRecord>> all = byCell(run("all", ""), "cp-table.csv");
        Path capped = run("capped", ", candidates: " + cap);
        Map<String, List<CSVRecord>> some = byCell(capped, "cp-table.csv");
        Map<String, List<CSVRecord>> cands = byCell(capped, "candidates.csv");
        assertEquals(all.keySet(), some.keySet());
        boolean anyCapped = false;
        for (String cell : all.keySet()) {
            List<CSVRecord> full = all.get(cell);
            List<CSVRecord> part = some.get(cell);
            assertEquals(full.size(), part.size(), cell + ": cp-table.csv lists every alpha");
            List<Integer> scored = new ArrayList<>();
            for (int s = 0; s < full.size(); s++) {
                assertEquals(full.get(s).get("strength"), part.get(s).get("strength"), cell + " step " + s);
                assertEquals(full.get(s).get("size_leaves"), part.get(s).get("size_leaves"), cell + " step " + s);
                if (!part.get(s).get("candidate").isEmpty()) {
                    scored.add(s);
                    assertEquals(
                            full.get(s).get("inner_mean"),
                            part.get(s).get("inner_mean"),
                            cell + " step " + s + ": the uncapped inner score");
                    assertEquals(full.get(s).get("inner_sd"), part.get(s).get("inner_sd"));
                } else {
                    assertEquals("", part.get(s).get("inner_mean"), "a step that is not a candidate has no score");
                }
            }
            int n = scored.size();
            assertTrue(n <= cap && n >= 3, cell + ": " + n + " scored");
            assertEquals(0, scored.get(0), "the trained tree is scored");
            assertEquals(full.size() - 1, scored.get(n - 1), "the root is scored");
            anyCapped |= full.size() > cap;
            if (!cell.endsWith("refit")) {
                assertEquals(n, cands.get(cell).size(), cell + ": candidates.csv has the scored subtrees only");
            }
            double[] mean = new double[n];
            double[] sd = new double[n];
            long[] nonZero = new long[n];
            int chosen = -1;
            for (int i = 0; i < n; i++) {
                CSVRecord f = full.get(scored.get(i));
                mean[i] = Double.parseDouble(f.get("inner_mean"));
                sd[i] = Double.parseDouble(f.get("inner_sd"));
                nonZero[i] = Long.parseLong(f.get("nonzero_parameters"));
                if (part.get(scored.get(i)).get("chosen").equals("1")) {
                    chosen = i;
                }
            }
            int folds = Integer.parseInt(full.get(0).get("inner_folds"));
            int want = Selection.choose("one-se", mean, sd, folds, nonZero, true, 0)
                    .index();
            assertEquals(want, chosen, cell + ": 1-SE among the scored subtrees, on their uncapped scores");
        }
        assertTrue(anyCapped, "some cell's path is longer than the cap");
    }

    private static Map<String, List<CSVRecord>> byCell(Path out, String file) throws IOException {
        Map<String, List<CSVRecord>> m = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(out.resolve(file))) {
            for (CSVRecord rec : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(r)) {
                String fold = rec.get("fold");
                String key = fold.equals("-1") ? "refit" : rec.get("repeat") + "-" + fold;
                m.computeIfAbsent(key, k -> new ArrayList<>()).add(rec);
            }
        }
        return m;
    }
}
