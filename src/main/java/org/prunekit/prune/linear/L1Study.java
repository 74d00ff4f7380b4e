package org.prunekit.prune.linear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.prunekit.data.CsvCells;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * Feature-selection outputs of an L1 path on one training set: the order in which features enter, the features kept
 * at λ_min and λ_1se of a stratified K-fold cv.glmnet, and the coefficient paths (for plots like glmnet's).
 *
 * @param features  feature names (column order of the path)
 * @param entryOrder features in order of entry (features that never enter are left out)
 * @param cv        the cross-validation (its {@code path()} is the fit on all rows)
 * @param keptAtMin features non-zero at λ_min
 * @param keptAt1se features non-zero at λ_1se
 */
public record L1Study(
        List<String> features, List<String> entryOrder, CvResult cv, Set<String> keptAtMin, Set<String> keptAt1se) {

    public L1Study {
        features = List.copyOf(features);
        entryOrder = List.copyOf(entryOrder);
        keptAtMin = Set.copyOf(keptAtMin);
        keptAt1se = Set.copyOf(keptAt1se);
    }

    /** Runs the path and a stratified {@code folds}-fold CV (fold assignment from {@link StratifiedSplits}). */
    public static L1Study run(Dataset<Label> data, LogisticPathOptions options, int folds, long seed) {
        TrainingData td = TrainingData.of(data);
        int[] foldid = new int[td.problem().n()];
        for (Fold f : StratifiedSplits.kFold(td.problem().y(), folds, 1, seed)) {
            for (int i : f.test()) {
                foldid[i] = f.index();
            }
        }
        CvResult cv = LogisticCv.run(td.problem(), options, foldid);
        LogisticPath path = cv.path();
        int[] entry = path.entryIndex();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < entry.length; j++) {
            if (entry[j] >= 0) {
                order.add(j);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(j -> entry[j]).thenComparing(td.features()::get));
        return new L1Study(
                td.features(),
                order.stream().map(td.features()::get).toList(),
                cv,
                used(path.at(cv.indexMin()), td.features()),
                used(path.at(cv.index1se()), td.features()));
    }

    private static Set<String> used(Coefficients c, List<String> names) {
        Set<String> out = new TreeSet<>();
        for (int j = 0; j < names.size(); j++) {
            if (c.uses(j)) {
                out.add(names.get(j));
            }
        }
        return out;
    }

    /**
     * Writes {@code coefficient_paths.csv} (one row per λ: lambda, log_lambda, df, dev_ratio, cvm, cvsd, then one
     * column per feature and predictor) and {@code selection.csv} (feature, entry_rank, kept_at_min, kept_at_1se).
     */
    public void writeCsv(Path dir) {
        LogisticPath p = cv.path();
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("coefficient_paths.csv"), StandardCharsets.UTF_8);
                    CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
                List<String> header =
                        new ArrayList<>(List.of("lambda", "log_lambda", "df", "dev_ratio", "cvm", "cvsd"));
                for (int k = 0; k < p.predictors(); k++) {
                    for (String f : features) {
                        header.add(p.predictors() == 1 ? f : f + "@" + k);
                    }
                }
                out.printRecord(CsvCells.row(header));
                double[][][] paths = p.coefficientPaths();
                for (int l = 0; l < p.size(); l++) {
                    List<Object> row = new ArrayList<>(List.of(
                            p.lambdas()[l],
                            Math.log(p.lambdas()[l]),
                            p.df()[l],
                            p.devRatio()[l],
                            cv.cvm()[l],
                            cv.cvsd()[l]));
                    for (double[][] pk : paths) {
                        for (double[] pj : pk) {
                            row.add(pj[l]);
                        }
                    }
                    out.printRecord(CsvCells.row(row));
                }
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("selection.csv"), StandardCharsets.UTF_8);
                    CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
                out.printRecord("feature", "entry_rank", "kept_at_min", "kept_at_1se");
                for (String f : features) {
                    int rank = entryOrder.indexOf(f);
                    out.printRecord(
                            CsvCells.cell(f), rank < 0 ? "" : rank + 1, keptAtMin.contains(f), keptAt1se.contains(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
