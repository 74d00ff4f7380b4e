package org.prunekit.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.prunekit.data.Column;
import org.prunekit.data.Fold;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Metric;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ModelFamily;

/** Checks of a config against its data: split sizes, class counts, the positive class, and pitfall warnings. */
public final class DataChecks {

    /** Below this share, the smallest class counts as a minority that pruning may remove. */
    public static final double MINORITY = 0.20;

    private DataChecks() {}

    /**
     * Fails (ConfigException) on what cannot run and adds warnings for what runs badly.
     *
     * @param outerFolds the outer folds, already built (fold files are checked here)
     */
    public static void check(ExperimentConfig cfg, Table table, List<Fold> outerFolds) {
        String file = cfg.source();
        Warnings w = cfg.warnings();
        List<String> classes = table.classes();
        if (classes.size() < 2) {
            throw new ConfigException(
                    file,
                    "data.target",
                    "column '" + cfg.data().target() + "' of " + table.source() + " has only one class ("
                            + (classes.isEmpty() ? "no rows" : classes.get(0)) + "); classification needs two or more");
        }
        if (cfg.data().positive() != null && !classes.contains(cfg.data().positive())) {
            throw new ConfigException(
                    file,
                    "data.positive",
                    "'" + cfg.data().positive() + "' is not a class of " + table.source() + " (classes: "
                            + String.join(", ", classes) + ")");
        }
        if (cfg.data().missing().equals("error")) {
            for (Column c : table.columns()) {
                for (int r = 0; r < c.size(); r++) {
                    if (c.isMissing(r)) {
                        throw new ConfigException(
                                file,
                                "data.missing",
                                "column '" + c.name() + "' has a missing value at data row " + r
                                        + " and missing is 'error' (use 'impute')");
                    }
                }
            }
        }
        int features = TableEncoder.checkNames(
                table, cfg.data().location(), cfg.data().schema().missingIndicators());
        checkModelMemory(cfg, features, classes.size(), Runtime.getRuntime().maxMemory());
        alphaAcrossCriteria(cfg);
        int[] counts = new int[classes.size()];
        for (int y : table.classIndex()) {
            counts[y]++;
        }
        int smallest = Arrays.stream(counts).min().orElse(0);
        int n = table.rows();
        double minorityShare = (double) smallest / n;
        String minorityName = classes.get(indexOf(counts, smallest));

        SplitSpec.Part outer = cfg.split().outer();
        if (outer.kind().equals(SplitSpec.KFOLD)) {
            if (outer.folds() > n) {
                throw new ConfigException(
                        file,
                        "split.outer.folds",
                        outer.folds() + " folds for " + n + " rows; at most one fold per row (use fewer folds)");
            }
            if (outer.folds() > smallest) {
                w.add(
                        "split.outer.folds",
                        outer.folds() + " folds but class '" + minorityName + "' has only " + smallest
                                + " rows: some test folds will lack it");
            }
        }
        for (Fold f : outerFolds) {
            int[] inTrain = new int[classes.size()];
            int[] y = table.classIndex();
            for (int r : f.train()) {
                inTrain[y[r]]++;
            }
            for (int c = 0; c < inTrain.length; c++) {
                if (inTrain[c] == 0) {
                    throw new ConfigException(
                            file,
                            "split.outer",
                            "repeat " + f.repeat() + " fold " + f.index() + " leaves class '" + classes.get(c)
                                    + "' absent from its training part");
                }
            }
            int trainRows = f.train().length;
            SplitSpec.Part inner = cfg.split().inner();
            if (inner.kind().equals(SplitSpec.KFOLD) && inner.folds() > trainRows) {
                throw new ConfigException(
                        file,
                        "split.inner.folds",
                        inner.folds() + " inner folds for an outer training part of " + trainRows
                                + " rows; use fewer folds");
            }
            int smallestInTrain = Arrays.stream(inTrain).min().orElse(0);
            if (inner.kind().equals(SplitSpec.KFOLD) && inner.folds() > smallestInTrain) {
                w.add(
                        "split.inner.folds",
                        inner.folds() + " inner folds but an outer training part has only " + smallestInTrain
                                + " rows of class '" + classes.get(indexOf(inTrain, smallestInTrain))
                                + "': some inner folds will lack it");
            }
        }
        if (cfg.imbalance().strategy().equals("threshold") && classes.size() != 2) {
            throw new ConfigException(
                    file,
                    "imbalance.strategy",
                    "'threshold' needs two classes but " + table.source() + " has " + classes.size()
                            + " (use class-weights or a resampler)");
        }
        if (minorityShare < MINORITY) {
            String share = String.format(Locale.ROOT, "%.1f %%", 100 * minorityShare);
            if (cfg.select().metric() == Metric.ACCURACY) {
                w.add(
                        "select.metric",
                        "accuracy with a minority class ('" + minorityName + "', " + share
                                + ") rewards predicting the majority; prefer average-precision or balanced-accuracy");
            }
            if (cfg.imbalance().strategy().equals("none")) {
                w.add(
                        "imbalance.strategy",
                        "none with a minority class ('" + minorityName + "', " + share
                                + "): unweighted pruning routinely prunes the minority class away; consider class-weights");
            }
        }
    }

    /** Refuses an arm whose model alone would not fit in {@code maxHeap} bytes ({@link ModelFamily#trainingBytes}). */
    static void checkModelMemory(ExperimentConfig cfg, int features, int classes, long maxHeap) {
        for (ArmSpec arm : cfg.arms()) {
            ModelFamily family = arm.familyImpl();
            long need = family == null ? 0 : family.trainingBytes(arm.modelParams(), features, classes);
            if (need > maxHeap) {
                throw new ConfigException(
                        cfg.source(),
                        "arms[" + arm.index() + "].model",
                        String.format(
                                java.util.Locale.ROOT,
                                "a %s model on %d encoded features needs at least %,d MB of heap to "
                                        + "train but the heap is %,d MB; make the model smaller (or raise PRUNEKIT_HEAP)",
                                arm.family(),
                                features,
                                need >> 20,
                                maxHeap >> 20));
            }
        }
    }

    /**
     * {@code alpha-across-criteria}: cost-complexity arms whose trees use different impurity criteria. Alpha is in the
     * units of the impurity (Gini at most 0.5 for two classes, entropy 0.693 nats), so their strength columns do not
     * compare; only sizes and held-out scores do.
     */
    static void alphaAcrossCriteria(ExperimentConfig cfg) {
        Map<String, List<String>> armsByImpurity = new TreeMap<>();
        for (ArmSpec arm : cfg.arms()) {
            if (arm.method().equals("cost-complexity")) {
                Object impurity = arm.model().getOrDefault("impurity", "gini");
                armsByImpurity
                        .computeIfAbsent(String.valueOf(impurity), k -> new ArrayList<>())
                        .add(arm.name());
            }
        }
        if (armsByImpurity.size() > 1) {
            List<String> parts = new ArrayList<>();
            armsByImpurity.forEach((imp, arms) -> parts.add(String.join(", ", arms) + " (" + imp + ")"));
            cfg.warnings()
                    .add(
                            null,
                            "alpha-across-criteria: arms " + String.join(" and ", parts)
                                    + " prune by cost-complexity with different impurity criteria; alpha is in units of the impurity,"
                                    + " so equal alphas are not equal pruning: compare them at matched size or held-out score, not"
                                    + " by alpha");
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return 0;
    }
}
