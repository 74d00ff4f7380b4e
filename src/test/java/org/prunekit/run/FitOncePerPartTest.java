package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.prune.linear.LogisticPathSolver;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestData;

/**
 * Each model and path is fitted once per training part: a method that fits its own candidates gets no family model
 * to throw away. Counted in λ-path solves over a whole study of 3 outer × 3 inner folds plus the refit: 4 cells × (1
 * main part + 3 inner parts) = 16 training parts.
 */
class FitOncePerPartTest {

    private static final int PARTS = 4 * (1 + 3);

    @TempDir
    Path dir;

    private int runs;

    private long solves(String arm) {
        Path cfg = StudyFiles.write(
                dir.resolve("fits.yaml"),
                "name: fits\n"
                        + "data: {path: '" + TestData.path("breast_cancer_wisconsin.csv") + "', target: class, "
                        + "positive: M}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {folds: 3}, seed: 5}\n"
                        + "imbalance: {strategy: class-weights}\n"
                        + "metrics: [average-precision]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "arms:\n"
                        + "  - " + arm + "\n");
        long before = LogisticPathSolver.pathsSolved();
        StudyFiles.Cli r = StudyFiles.cli(
                "run", cfg.toString(), "--out", dir.resolve("out" + (runs++)).toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        return LogisticPathSolver.pathsSolved() - before;
    }

    @Test
    void l1PathSolvesOnePathPerTrainingPart() {
        assertEquals(
                PARTS,
                solves("{name: l1, model: {family: logistic, nlambda: 20}, prune: {method: l1-path}}"),
                "one λ path per training part (the family's own fit of the same path was thrown away)");
    }

    @Test
    void aDenseLogisticArmStillTrainsItsModel() {
        // method none has one candidate: no inner fits, 3 outer fits + the refit
        assertEquals(4, solves("{name: dense, model: {family: logistic, nlambda: 20}, prune: {method: none}}"));
    }

    @Test
    void liblinearAndFeatureSelectionFitOnlyTheirCandidates() {
        assertEquals(
                0,
                solves("{name: ll, model: {family: logistic}, prune: {method: liblinear-path, count: 4}}"),
                "liblinear-path fits LibLinear per C; no glmnet path");
        assertEquals(
                2 * PARTS,
                solves("{name: fs, model: {family: logistic, nlambda: 20}, "
                        + "prune: {method: feature-select, selector: mim, k: [3, 10]}}"),
                "one refit per k and training part, no family model the mim ranking would ignore");
    }

    @Test
    void permutationRankingStillGetsTheModel() {
        assertEquals(
                3 * PARTS,
                solves("{name: fs, model: {family: logistic, nlambda: 20}, "
                        + "prune: {method: feature-select, selector: permutation, k: [3, 10]}}"),
                "the family model (ranked by permutation) plus one refit per k");
    }
}
