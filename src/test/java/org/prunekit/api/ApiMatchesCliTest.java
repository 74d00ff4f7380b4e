package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.cli.Main;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ConfigBinder;
import org.prunekit.protocol.CellRunner;
import org.prunekit.prune.ensemble.BoostedTrees;
import org.prunekit.prune.ensemble.XgboostFamily;
import org.prunekit.prune.ensemble.XgboostModels;
import org.prunekit.prune.ensemble.XgboostParams;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.TreeModel;

/**
 * The API gives the CLI's numbers: {@code prunekit run} on a config with one arm per family (CART + cost-complexity,
 * with and without a {@code candidates} cap, XGBoost + tree-drop, logistic + l1-path, MLP + magnitude), then the same data, settings and seeds through
 * {@code org.prunekit.api}. For each arm's refit on all rows, the path (strengths, non-zero parameters), the inner
 * scores (mean and sd of every candidate) and the chosen candidate must equal the CLI's {@code cp-table.csv}; and
 * {@link Study} run on the same config gives the CLI's results.
 *
 * <p>The CLI seeds each fit from the config seed and the cell (the arm's model spec, repeat -1, fold -1 for the
 * refit); the test hands the API the same seeds.
 */
class ApiMatchesCliTest {

    static final Path CONFIG = Path.of("src/test/resources/org/prunekit/api/api-vs-cli.yaml");
    static final long SEED = 42L;
    static final int INNER_FOLDS = 3;

    @TempDir
    static Path tmp;

    static Path cliDir;
    static MutableDataset<Label> data;

    @BeforeAll
    static void runCli() {
        cliDir = tmp.resolve("cli");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out), new PrintWriter(err), "run", CONFIG.toString(), "--out", cliDir.toString());
        assertEquals(0, code, "prunekit run failed: " + err);
        data = Datasets.csv(Path.of("data/breast_cancer_wisconsin.csv"), "class");
    }

    /** The refit cell's rows of cp-table.csv for {@code arm}. */
    record Refit(double[] strengths, long[] nonZero, double[] mean, double[] sd, int chosen) {}

    static Refit refit(String arm) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(cliDir.resolve("cp-table.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                // a capped cost-complexity path lists its unscored alphas with an empty candidate column
                if (r.get("arm").equals(arm)
                        && r.get("repeat").equals("-1")
                        && !r.get("candidate").isEmpty()) {
                    rows.add(r);
                }
            }
        }
        assertTrue(rows.size() > 1, arm + ": the CLI's refit path has " + rows.size() + " candidates");
        int n = rows.size();
        double[] s = new double[n];
        long[] nz = new long[n];
        double[] mean = new double[n];
        double[] sd = new double[n];
        int chosen = -1;
        for (int i = 0; i < n; i++) {
            CSVRecord r = rows.get(i);
            assertEquals(i, Integer.parseInt(r.get("candidate")));
            s[i] = Double.parseDouble(r.get("strength"));
            nz[i] = Long.parseLong(r.get("nonzero_parameters"));
            mean[i] = Double.parseDouble(r.get("inner_mean"));
            sd[i] = r.get("inner_sd").isEmpty() ? Double.NaN : Double.parseDouble(r.get("inner_sd"));
            if (r.get("chosen").equals("1")) {
                chosen = i;
            }
        }
        return new Refit(s, nz, mean, sd, chosen);
    }

    static void assertSame(String arm, Choice api) throws IOException {
        Refit cli = refit(arm);
        assertArrayEquals(cli.strengths(), api.strengths(), arm + ": strengths");
        assertArrayEquals(cli.nonZero(), api.nonZero(), arm + ": non-zero parameters");
        assertArrayEquals(cli.mean(), api.mean(), 1e-12, arm + ": inner means");
        assertArrayEquals(cli.sd(), api.sd(), 1e-12, arm + ": inner sds");
        assertEquals(cli.chosen(), api.chosen(), arm + ": chosen candidate");
    }

    static long cellSeed(String arm) {
        ArmSpec spec = ConfigBinder.load(CONFIG, Path.of("").toAbsolutePath(), tmp.resolve("seeds")).arms().stream()
                .filter(a -> a.name().equals(arm))
                .findFirst()
                .orElseThrow();
        return CellRunner.cellSeed(SEED, spec.modelKey(), -1, -1);
    }

    static CrossValidation cv() {
        return new CrossValidation(INNER_FOLDS, CellRunner.innerSplitSeed(SEED, -1, -1), Scoring.defaults());
    }

    static CARTClassificationTrainer cart(long seed) {
        return new CARTClassificationTrainer(50, 2f, 0f, 1f, false, new GiniIndex(), seed);
    }

    @Test
    void cartCostComplexity() throws IOException {
        long seed = cellSeed("cart");
        TreeModel<Label> tree = cart(seed).train(data);
        CostComplexity.Path path = CostComplexity.path(tree, data);
        Choice api = path.crossValidate(j -> cart(CellRunner.innerSeed(seed, j)), cv());
        assertSame("cart", api);
        TreeModel<Label> pruned = path.at(api.strength());
        assertEquals(2 * path.leaves()[api.chosen()] - 1, pruned.countNodes(pruned.getRoot()));
    }

    /** {@code candidates: 6} in the config and {@code withCandidates(6)} in Java: the same six subtrees and choice. */
    @Test
    void cartCostComplexityCapped() throws IOException {
        long seed = cellSeed("cart-capped");
        TreeModel<Label> tree = cart(seed).train(data);
        CostComplexity.Path full = CostComplexity.path(tree, data);
        CostComplexity.Path path = CostComplexity.path(
                tree, data, CostComplexity.Options.defaults().withCandidates(6));
        assertEquals(6, path.size(), "the cap is filled");
        assertTrue(full.size() > 6, "the cap binds: the full path has " + full.size() + " subtrees");
        Choice api = path.crossValidate(j -> cart(CellRunner.innerSeed(seed, j)), cv());
        assertSame("cart-capped", api);
        TreeModel<Label> pruned = path.at(api.strength());
        assertEquals(2 * path.leaves()[api.chosen()] - 1, pruned.countNodes(pruned.getRoot()));
    }

    /** The family's default: {@code binary:logistic} on this two-class label (one tree per round). */
    @Test
    void xgboostTreeDrop() throws IOException {
        long seed = cellSeed("xgb");
        Datasets.Split split = Datasets.split(data, 0.2, CellRunner.innerSplitSeed(SEED, -1, -1));
        Model<Label> model = XgboostFamily.trainer(
                        new XgboostParams(30, 3, 0.1, 1.0, 1.0, 0.0, 1.0, seed, 1, XgboostParams.AUTO))
                .train(split.train());
        assertEquals("binary:logistic", objective(model));
        xgboostTreeDrop("xgb", model, split);
    }

    /** A model from Tribuo's own trainer ({@code multi:softprob}) gives what {@code objective: softprob} gives. */
    @Test
    void xgboostTreeDropOnTribuosSoftprobModel() throws IOException {
        long seed = cellSeed("xgb-softprob");
        Datasets.Split split = Datasets.split(data, 0.2, CellRunner.innerSplitSeed(SEED, -1, -1));
        Model<Label> model = new XGBoostClassificationTrainer(30, 0.1, 0.0, 3, 1.0, 1.0, 1.0, 1.0, 0.0, 1, true, seed)
                .train(split.train());
        assertEquals("multi:softprob", objective(model));
        xgboostTreeDrop("xgb-softprob", model, split);
    }

    private static String objective(Model<Label> model) {
        return BoostedTrees.parse(XgboostModels.modelJson(XgboostModels.require(model)))
                .objective();
    }

    private static void xgboostTreeDrop(String arm, Model<Label> model, Datasets.Split split) throws IOException {
        TreeDrop.Path path = TreeDrop.path(
                model,
                split.test(),
                TreeDrop.Options.defaults().withStrategy("forward").withSizes(2, 5, 10, 20));
        assertSame(arm, path.choose(Scoring.defaults()));
    }

    @Test
    void logisticL1Path() throws IOException {
        L1Path.Path path = L1Path.fit(data, L1Path.Options.defaults().withNlambda(30));
        assertSame("lasso", path.crossValidate(cv()));
    }

    @Test
    void mlpMagnitude() throws IOException {
        long seed = cellSeed("mlp");
        Mlp.Options training = Mlp.Options.defaults().withHidden(8).withEpochs(20);
        Model<Label> net = Mlp.trainer(training, seed).train(data);
        MagnitudePruning.Path path = MagnitudePruning.path(
                net,
                data,
                MagnitudePruning.Options.defaults()
                        .withTraining(training)
                        .withSparsities(0.5, 0.8, 0.95)
                        .withFineTune(3, 1e-3));
        Choice api = path.crossValidate(j -> Mlp.trainer(training, CellRunner.innerSeed(seed, j)), cv());
        assertSame("mlp", api);
    }

    @Test
    void studyGivesTheCliResults() {
        StudyResult cli = StudyResult.read(cliDir);
        List<String> cells = new ArrayList<>();
        StudyResult api = Study.load(CONFIG).withOutput(tmp.resolve("api")).run((done, total, cell) -> cells.add(cell));
        assertEquals(12, cells.size(), "6 arms x (1 outer fold + 1 refit) cells reported: " + cells);
        assertEquals(cli.candidates(), api.candidates());
        assertEquals(cli.arms().size(), api.arms().size());
        for (int i = 0; i < cli.arms().size(); i++) {
            StudyResult.Arm c = cli.arms().get(i);
            StudyResult.Arm a = api.arms().get(i);
            assertEquals(
                    List.of(
                            c.name(),
                            c.family(),
                            c.method(),
                            c.mean(),
                            c.sd(),
                            c.nonZero(),
                            c.denseMean(),
                            c.denseNonZero()),
                    List.of(
                            a.name(),
                            a.family(),
                            a.method(),
                            a.mean(),
                            a.sd(),
                            a.nonZero(),
                            a.denseMean(),
                            a.denseNonZero()));
        }
    }
}
