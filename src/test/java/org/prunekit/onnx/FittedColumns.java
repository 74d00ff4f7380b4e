package org.prunekit.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.prunekit.data.Column;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;

/**
 * The {@link RawColumns} of a table fitted on some rows, written down from {@link TableEncoder}'s documented rules
 * (median / most frequent level, ties to the first sorted level; sorted one-hot levels named {@code column_level};
 * an indicator {@code missing:column} for each column with a missing training value). Parity tests check that the
 * graph built from it encodes rows as the encoder does.
 */
final class FittedColumns {

    private FittedColumns() {}

    static RawColumns fit(Table table, int[] rows, boolean indicators) {
        List<RawColumns.Column> out = new ArrayList<>();
        for (Column c : table.columns()) {
            boolean missing = Arrays.stream(rows).anyMatch(c::isMissing);
            String indicator = indicators && missing ? TableEncoder.MISSING_PREFIX + c.name() : null;
            if (c instanceof Column.Numeric n) {
                double[] v = Arrays.stream(rows)
                        .mapToDouble(n::get)
                        .filter(d -> !Double.isNaN(d))
                        .sorted()
                        .toArray();
                double median = v.length == 0
                        ? 0.0
                        : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
                out.add(new RawColumns.Numeric(n.name(), median, n.name(), indicator));
            } else if (c instanceof Column.Categorical k) {
                TreeMap<String, Integer> counts = new TreeMap<>();
                for (int r : rows) {
                    if (k.get(r) != null) {
                        counts.merge(k.get(r), 1, Integer::sum);
                    }
                }
                String mode = null;
                int best = 0;
                for (var e : counts.entrySet()) {
                    if (e.getValue() > best) {
                        best = e.getValue();
                        mode = e.getKey();
                    }
                }
                List<String> levels = List.copyOf(counts.keySet());
                List<String> features =
                        levels.stream().map(l -> k.name() + "_" + l).toList();
                out.add(new RawColumns.Categorical(k.name(), levels, mode, features, indicator));
            }
        }
        return new RawColumns(out, List.of());
    }
}
