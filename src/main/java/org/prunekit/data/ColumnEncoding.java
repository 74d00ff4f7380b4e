package org.prunekit.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one raw column becomes encoded features, fitted on training rows. Feature indices are explicit, so a
 * feature is never matched to its column by its name.
 *
 * @param name      column name in the CSV header
 * @param type      numeric or categorical
 * @param impute    numeric: the value of a missing cell (the training median)
 * @param mode      categorical: the level of a missing cell (the training mode), or null when the column had none
 * @param feature   numeric: index of its feature; categorical: index of the feature of {@code levels[0]}, level
 *                  {@code i} being feature {@code feature + i}
 * @param levels    categorical: the levels seen in training, sorted; an unseen level encodes as all zeros
 * @param indicator index of its 0/1 missing-indicator feature, or -1
 */
public record ColumnEncoding(
        String name, ColumnType type, double impute, String mode, int feature, List<String> levels, int indicator) {

    public ColumnEncoding {
        levels = List.copyOf(levels);
        if (type == ColumnType.NUMERIC && !levels.isEmpty()) {
            throw new IllegalArgumentException("numeric column '" + name + "' cannot have levels");
        }
        if (mode != null && !levels.contains(mode)) {
            throw new IllegalArgumentException("mode '" + mode + "' of column '" + name + "' is not one of its levels");
        }
    }

    /** Encoded features this column writes (its value or levels, and its indicator). */
    public int width() {
        return (type == ColumnType.NUMERIC ? 1 : levels.size()) + (indicator >= 0 ? 1 : 0);
    }

    /** Level index of each level, for encoding; built by {@link Encoding}. */
    Map<String, Integer> levelIndex() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            m.put(levels.get(i), i);
        }
        return m;
    }
}
