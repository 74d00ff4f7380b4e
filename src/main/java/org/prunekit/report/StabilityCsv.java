package org.prunekit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.CsvCells;
import org.prunekit.protocol.CellResult;

/**
 * Writes {@code stability.csv} (per arm: Kuncheva and Jaccard indices of the chosen candidates' feature subsets
 * across outer cells, then per candidate position) and {@code selection-frequency.csv} (per arm and feature: the
 * share of outer cells whose chosen candidate uses it), from {@link FeatureStability}. Only arms whose models declare
 * the features they use have rows; both files are written (header only when no arm has rows).
 */
final class StabilityCsv {

    static final String STABILITY = "stability.csv";
    static final String FREQUENCY = "selection-frequency.csv";

    private StabilityCsv() {}

    static List<String> stabilityColumns() {
        return List.of(
                "arm",
                "point",
                "candidate",
                "strength",
                "subsets",
                "total_features",
                "features_mean",
                "features_sd",
                "kuncheva",
                "jaccard");
    }

    static List<String> frequencyColumns() {
        return List.of("arm", "feature", "frequency");
    }

    /** @param outer the outer cells (refits are ignored anyway) */
    static void write(Path dir, ExperimentConfig cfg, List<CellResult> outer) {
        List<FeatureStability.Row> rows = new ArrayList<>();
        List<Object[]> freq = new ArrayList<>();
        for (ArmSpec a : cfg.arms()) {
            List<CellResult> cells =
                    outer.stream().filter(c -> c.arm().equals(a.name())).toList();
            rows.addAll(FeatureStability.rows(a.name(), cells));
            for (Map.Entry<String, Double> e :
                    FeatureStability.chosenFrequency(cells).entrySet()) {
                freq.add(new Object[] {a.name(), e.getKey(), ResultsWriter.num(e.getValue())});
            }
        }
        AtomicFiles.writeString(dir.resolve(STABILITY), ResultsWriter.csv(stabilityColumns(), p -> {
            for (FeatureStability.Row r : rows) {
                boolean chosen = r.candidate() == FeatureStability.CHOSEN;
                p.printRecord(
                        CsvCells.cell(r.arm()),
                        chosen ? "chosen" : "candidate",
                        chosen ? "" : r.candidate(),
                        chosen ? "" : ResultsWriter.num(r.strength()),
                        r.subsets(),
                        r.totalFeatures(),
                        ResultsWriter.num(r.featuresMean()),
                        ResultsWriter.num(r.featuresSd()),
                        ResultsWriter.num(r.kuncheva()),
                        ResultsWriter.num(r.jaccard()));
            }
        }));
        AtomicFiles.writeString(dir.resolve(FREQUENCY), ResultsWriter.csv(frequencyColumns(), p -> {
            for (Object[] r : freq) {
                p.printRecord(CsvCells.row(r));
            }
        }));
    }
}
