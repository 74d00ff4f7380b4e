package org.prunekit.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the report says about the data: where it came from and its class counts.
 *
 * @param source      the data file as named in the config
 * @param target      the target column
 * @param rows        number of rows, or -1 when unknown
 * @param features    number of feature columns, or -1 when unknown
 * @param classCounts rows per class, in the order given
 */
public record DatasetSummary(String source, String target, long rows, int features, Map<String, Long> classCounts) {

    public DatasetSummary {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        classCounts = Collections.unmodifiableMap(new LinkedHashMap<>(classCounts));
    }

    /** A summary for data that could not be read: only the names are known. */
    public static DatasetSummary unknown(String source, String target) {
        return new DatasetSummary(source, target, -1, -1, Map.of());
    }

    /** Majority count over minority count ({@code >= 1}); NaN with fewer than two classes or an empty class. */
    public double imbalanceRatio() {
        if (classCounts.size() < 2) {
            return Double.NaN;
        }
        long max =
                classCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min =
                classCounts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        return min == 0 ? Double.NaN : max / (double) min;
    }
}
