package org.prunekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prunekit.data.Column;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Table;
import org.prunekit.prune.tree.CostComplexityPath;
import org.prunekit.prune.tree.FlatTree;
import org.prunekit.prune.tree.NestedScorer;
import org.prunekit.prune.tree.ReferenceTrees;
import org.prunekit.prune.tree.WeakestLink;

/**
 * Benchmark of the weakest-link path and of one-pass scoring on the synth50k reference tree (3,489 nodes), against
 * scikit-learn timings measured just before by {@code bench/ccp_sklearn.py} in the same run ({@code bench/ccp.sh}).
 * Rows are cast to float32 before routing, as scikit-learn does, so both sides score the same subtrees; a checksum of
 * the positive-class probabilities over all subtrees and rows is compared.
 *
 * <p>Args: reference json, data csv, scikit-learn result json (optional).
 */
public final class CcpBench {

    private CcpBench() {}

    public static void main(String[] args) throws Exception {
        JsonNode ref = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        FlatTree tree = ReferenceTrees.read(ref);
        double[] risk = tree.risk();

        for (int i = 0; i < 300; i++) {
            WeakestLink.path(tree, risk);
        }
        double[] t = new double[300];
        CostComplexityPath path = null;
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            path = WeakestLink.path(tree, risk);
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        double pathMs = median(t);

        Table table = new CsvTableReader("class").read(Path.of(args[1]));
        List<String> features = new ArrayList<>();
        ref.get("source").get("features").forEach(f -> features.add(f.asText()));
        double[][] x = new double[table.rows()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            Column.Numeric col = (Column.Numeric) table.column(features.get(j));
            for (int r = 0; r < x.length; r++) {
                x[r][j] = (float) col.get(r);
            }
        }
        double[] alphas = path.candidateAlphas();
        int[] fc = path.firstCollapsed(tree, alphas);
        double[][] nodeProbs = new double[tree.size()][];
        for (int i = 0; i < tree.size(); i++) {
            double[] c = tree.counts(i);
            double w = Arrays.stream(c).sum();
            nodeProbs[i] = Arrays.stream(c).map(v -> v / w).toArray();
        }
        double[] checksum = new double[1];
        double[] s = new double[7];
        for (int rep = 0; rep < s.length; rep++) {
            checksum[0] = 0;
            long start = System.nanoTime();
            int[] leaf = new int[x.length];
            for (int r = 0; r < x.length; r++) {
                leaf[r] = tree.leafOf(x[r]);
            }
            NestedScorer.scoreAll(tree, fc, alphas.length, nodeProbs, leaf, (c, probs) -> {
                double sum = 0;
                for (double[] row : probs) {
                    sum += row[1] * row[1];
                }
                checksum[0] += sum;
            });
            s[rep] = (System.nanoTime() - start) / 1e9;
        }
        double scoreS = median(Arrays.copyOfRange(s, 2, s.length));
        double[] bare = new double[7];
        for (int rep = 0; rep < bare.length; rep++) {
            long start = System.nanoTime();
            int[] leaf = new int[x.length];
            for (int r = 0; r < x.length; r++) {
                leaf[r] = tree.leafOf(x[r]);
            }
            NestedScorer.scoreAll(tree, fc, alphas.length, nodeProbs, leaf, (c, probs) -> {});
            bare[rep] = (System.nanoTime() - start) / 1e9;
        }
        double bareS = median(Arrays.copyOfRange(bare, 2, bare.length));
        System.out.printf(
                "prunekit: tree %d nodes, %d distinct alphas; weakest-link path %.3f ms (median of 300); "
                        + "score all %d subtrees on %d rows %.3f s incl. reading every probability (%.3f s producing only; "
                        + "medians of 5 after 2 warm-ups)%n",
                tree.size(), alphas.length, pathMs, alphas.length, x.length, scoreS, bareS);
        if (args.length > 2 && Files.exists(Path.of(args[2]))) {
            JsonNode sk = new ObjectMapper().readTree(Path.of(args[2]).toFile());
            double skPath = sk.get("path_median_ms").asDouble();
            double skScore = sk.get("score_all_s").asDouble();
            double skSum = sk.get("score_checksum").asDouble();
            System.out.printf(
                    "scikit-learn %s: tree %d nodes, %d distinct alphas; path %.3f ms; score all %.3f s%n",
                    sk.get("sklearn").asText(),
                    sk.get("node_count").asInt(),
                    sk.get("distinct_alphas").asInt(),
                    skPath,
                    skScore);
            System.out.printf(
                    "checksum Σ P(pos)² over all subtrees and rows: prunekit %.6f, scikit-learn %.6f (%s)%n",
                    checksum[0], skSum, Math.abs(checksum[0] - skSum) <= 1e-6 * Math.abs(skSum) ? "same" : "DIFFERENT");
            System.out.printf("RATIO path: scikit-learn / prunekit = %.1fx%n", skPath / pathMs);
            System.out.printf(
                    "RATIO score all subtrees: scikit-learn / prunekit = %.1fx (target >= 20x)%n", skScore / scoreS);
        } else {
            System.out.println("no scikit-learn result: ratios not computed");
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
