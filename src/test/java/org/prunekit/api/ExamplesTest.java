package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.cli.Main;
import org.prunekit.examples.CartExample;
import org.prunekit.examples.L1Example;
import org.prunekit.examples.MlpExample;
import org.prunekit.examples.StudyExample;
import org.prunekit.examples.XgboostExample;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;

/** Runs every example of docs/java-api.md ({@code org.prunekit.examples}) and checks what it computed. */
class ExamplesTest {

    static final Path DATA = Path.of("data/breast_cancer_wisconsin.csv");

    @TempDir
    Path tmp;

    @Test
    void cart() throws IOException {
        CartExample.Result r = CartExample.run(DATA);
        double[] alphas = r.path().alphas();
        int[] leaves = r.path().leaves();
        double[] impurities = r.path().impurities();
        assertEquals(0.0, alphas[0]);
        assertEquals(leaves(r.tree()), leaves[0], "subtree 0 is the trained tree");
        assertEquals(1, leaves[leaves.length - 1], "the last subtree is the root alone");
        for (int i = 1; i < alphas.length; i++) {
            assertTrue(
                    alphas[i] > alphas[i - 1] && leaves[i] < leaves[i - 1] && impurities[i] >= impurities[i - 1],
                    "alphas rise, leaves fall, impurity rises at " + i);
        }
        // weakest link: alpha_i = (R(T_i) - R(T_(i-1))) / (leaves(T_(i-1)) - leaves(T_i)) for each step
        for (int i = 1; i < alphas.length; i++) {
            double slope = (impurities[i] - impurities[i - 1]) / (leaves[i - 1] - leaves[i]);
            assertEquals(alphas[i], slope, 1e-12, "alpha " + i + " is the step's cost per leaf");
        }
        assertChoice(r.cv());
        assertEquals(leaves[r.cv().chosen()], leaves(r.pruned()));
        Choice capped = CartExample.capped(
                r.tree(),
                Datasets.csv(DATA, "class"),
                new CARTClassificationTrainer(50, 2f, 0f, 1f, false, new GiniIndex(), 42L));
        assertEquals(8, capped.strengths().length, "the cap of 8 is filled (the full path has " + alphas.length + ")");
        assertTrue(alphas.length > 8, "the cap binds");
        assertEquals(0.0, capped.strengths()[0], "the trained tree stays");
        assertEquals(alphas[alphas.length - 1], capped.strengths()[7], "the root stays");
        for (double a : capped.strengths()) {
            assertTrue(
                    Arrays.stream(alphas).anyMatch(x -> x == a), "a capped candidate is a subtree of the path: " + a);
        }
        assertTrue(leaves(r.pruned()) < leaves(r.tree()), "one-se prunes the tree");
        MutableDataset<Label> data = Datasets.csv(DATA, "class");
        Bundle.Predictions p = CartExample.bundle(r.pruned(), DATA, tmp);
        assertEquals(labels(r.pruned(), data), List.of(p.labels()), "the bundle predicts raw rows as the subtree");
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("predictions.csv");
        int code = Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "predict",
                tmp.resolve("cart.bundle").toString(),
                DATA.toString(),
                "--out",
                out.toString());
        assertEquals(0, code, err.toString());
        List<String> cli = Files.readAllLines(out).stream()
                .skip(1)
                .map(l -> l.split(",")[1])
                .toList();
        assertEquals(List.of(p.labels()), cli, "prunekit predict reads the API's bundle");
    }

    @Test
    void xgboost() {
        XgboostExample.Result r = XgboostExample.run(DATA);
        assertArrayEquals(new double[] {0, 20, 30, 40, 45, 48}, r.path().roundsDropped());
        long[] nz = r.path().nonZeroParameters();
        for (int i = 1; i < nz.length; i++) {
            assertTrue(nz[i] < nz[i - 1], "fewer rounds, fewer parameters");
        }
        assertEquals(1, r.choice().folds());
        assertChoice(r.choice());
        XGBoostModel<?> pruned = assertInstanceOf(XGBoostModel.class, r.pruned(), "a genuine XGBoost model");
        // multi:softprob keeps one tree per class and round
        assertEquals(
                2 * (50 - (int) r.choice().strength()), pruned.getModelDump().get(0).length);
        assertEquals(r.path().roundsDropped()[r.choice().chosen()], r.choice().strength());
        assertTrue(nz[r.choice().chosen()] < nz[0], "the chosen ensemble drops rounds: " + r.choice());
    }

    @Test
    void l1() {
        L1Example.Result r = L1Example.run(DATA);
        double[] lambdas = r.path().lambdas();
        assertEquals(50, lambdas.length);
        long[] nz = r.path().nonZeroParameters();
        for (int i = 1; i < lambdas.length; i++) {
            assertTrue(lambdas[i] > lambdas[i - 1], "lambdas ascend");
        }
        assertEquals(1, nz[nz.length - 1], "lambda_max leaves the intercept alone");
        assertTrue(nz[0] > nz[r.cv().chosen()] && nz[r.cv().chosen()] > 1, "the chosen lambda prunes some features");
        assertChoice(r.cv());
        // the chosen model predicts with the chosen coefficients: same predictions as the path's own candidate
        MutableDataset<Label> data = Datasets.csv(DATA, "class");
        assertEquals(labels(r.path().at(lambdas[r.cv().chosen()]), data), labels(r.sparse(), data));
    }

    @Test
    void mlp() {
        MlpExample.Result r = MlpExample.run(DATA);
        assertArrayEquals(new double[] {0, 0.5, 0.8, 0.9, 0.95}, r.path().sparsities());
        long[] nz = r.path().nonZeroParameters();
        for (int i = 1; i < nz.length; i++) {
            assertTrue(nz[i] < nz[i - 1], "higher sparsity, fewer non-zeros: " + Arrays.toString(nz));
        }
        assertEquals(3, r.cv().folds());
        assertChoice(r.cv());
    }

    @Test
    void study() {
        StudyResult r = StudyExample.run(Path.of("examples/java-api-study.yaml"), tmp.resolve("study"));
        assertEquals(
                List.of("cart-full", "cart-ccp"),
                r.arms().stream().map(StudyResult.Arm::name).toList());
        assertTrue(r.arms().get(1).nonZero() < r.arms().get(0).nonZero(), "the pruned arm is smaller");
        assertTrue(r.candidates().stream().anyMatch(c -> c.repeat() == -1 && c.chosen()), "refits are included");
        for (StudyResult.Candidate c : r.candidates()) {
            long siblings = r.candidates().stream()
                    .filter(o -> o.arm().equals(c.arm()) && o.repeat() == c.repeat() && o.fold() == c.fold())
                    .count();
            if (siblings > 1) {
                assertTrue(c.innerMean().get("average-precision") >= 0, "inner scores read back: " + c);
            } else { // a one-candidate path (method none) has nothing to select: no inner fits, no inner scores
                assertTrue(c.innerMean().get("average-precision").isNaN(), "no inner scores: " + c);
            }
            if (c.repeat() >= 0) {
                assertEquals(
                        Set.of("average-precision", "balanced-accuracy"),
                        c.outer().keySet());
            }
        }
    }

    private static void assertChoice(Choice c) {
        int n = c.strengths().length;
        assertTrue(c.chosen() >= 0 && c.chosen() < n && c.best() >= 0 && c.best() < n);
        assertTrue(c.mean()[c.best()] >= c.mean()[c.chosen()], "nothing beats the best mean");
        assertTrue(c.nonZero()[c.oneSe()] <= c.nonZero()[c.best()], "the 1-SE choice is no larger than the best");
    }

    /** Leaves of a binary tree: (nodes + 1) / 2. */
    static int leaves(TreeModel<Label> t) {
        return (t.countNodes(t.getRoot()) + 1) / 2;
    }

    private static List<String> labels(Model<Label> m, MutableDataset<Label> data) {
        return m.predict(data).stream()
                .map(Prediction::getOutput)
                .map(Label::getLabel)
                .toList();
    }
}
