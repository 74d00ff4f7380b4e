package org.prunekit.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;

/**
 * The cells an engine runs as one task: those of the arms on the same model ({@link ArmSpec#modelKey()}) on one outer
 * fold, or their refits. Arms with the same {@link ArmSpec#workKey() work key} (they differ only in their
 * {@code select:} block) share one cell's work (encode, fit, path, inner and outer scoring, bytes); arms of other
 * methods on that model share its fits (a {@code none} arm and its pruned twin train one model per fold). Each
 * still gets its own result and cell file, as if it had run alone. Plain and serializable, so any engine can ship it
 * to where cells run.
 *
 * @param cells the group's cells, in config order of their arms, all on the same fold
 */
public record CellGroup(List<CellSpec> cells) implements Serializable {

    public CellGroup {
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("an empty cell group");
        }
        CellSpec first = cells.get(0);
        for (CellSpec c : cells) {
            if (c.repeat() != first.repeat() || c.fold() != first.fold()) {
                throw new IllegalArgumentException(
                        "cells " + first.key() + " and " + c.key() + " are on different folds");
            }
        }
    }

    /** The cells' keys joined by {@code +}, for progress and error messages. */
    public String key() {
        return cells.stream().map(CellSpec::key).collect(Collectors.joining("+"));
    }

    /**
     * Every cell of {@code cfg} on {@code outerFolds} ((repeat, fold) pairs) plus the refits, grouped: per set of
     * arms on the same model (in config order of its first arm), one group per outer fold, then the refit.
     */
    public static List<CellGroup> of(ExperimentConfig cfg, List<int[]> outerFolds) {
        Map<String, List<ArmSpec>> byModel = new LinkedHashMap<>();
        for (ArmSpec a : cfg.arms()) {
            byModel.computeIfAbsent(a.modelKey(), k -> new ArrayList<>()).add(a);
        }
        List<CellGroup> out = new ArrayList<>();
        for (List<ArmSpec> arms : byModel.values()) {
            for (int[] f : outerFolds) {
                out.add(new CellGroup(arms.stream()
                        .map(a -> new CellSpec(a.name(), f[0], f[1]))
                        .toList()));
            }
            out.add(new CellGroup(
                    arms.stream().map(a -> CellSpec.refit(a.name())).toList()));
        }
        return out;
    }
}
