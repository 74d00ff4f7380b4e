package org.prunekit.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which source column each encoded feature comes from: a one-hot categorical column {@code c} encodes as features
 * {@code c_level} (see {@link TableEncoder}); every other feature is its own column. Used to count a categorical
 * column as used when any of its one-hot features is.
 *
 * @param columnOf source column per encoded feature name
 */
public record FeatureGroups(Map<String, String> columnOf) {

    public FeatureGroups {
        columnOf = Collections.unmodifiableMap(new LinkedHashMap<>(columnOf));
    }

    /** Every feature its own column. */
    public static FeatureGroups identity(Collection<String> features) {
        Map<String, String> m = new LinkedHashMap<>();
        features.forEach(f -> m.put(f, f));
        return new FeatureGroups(m);
    }

    /** Exact grouping from the table's categorical columns and the encoder's {@code column_level} names. */
    public static FeatureGroups of(Table table, List<String> features) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : features) {
            m.put(f, f);
        }
        for (Column c : table.columns()) {
            if (c instanceof Column.Categorical k) {
                Set<String> levels = new TreeSet<>();
                for (String v : k.values()) {
                    if (v != null) {
                        levels.add(v);
                    }
                }
                for (String level : levels) {
                    String name = k.name() + "_" + level;
                    if (m.containsKey(name)) {
                        m.put(name, k.name());
                    }
                }
            }
        }
        return new FeatureGroups(m);
    }

    /**
     * Grouping inferred from encoded data alone (no table at hand): a maximal run of consecutive features named
     * {@code prefix_*} with the same prefix, all values 0 or 1 and exactly one 1 per row, is one one-hot column
     * {@code prefix}. This is exactly what {@link TableEncoder} produces on its training rows.
     *
     * @param features feature names in column order
     * @param columns  {@code columns[j][row]} values
     */
    public static FeatureGroups detect(List<String> features, double[][] columns) {
        Map<String, String> m = new LinkedHashMap<>();
        int p = features.size();
        int j = 0;
        while (j < p) {
            String name = features.get(j);
            int end = j + 1;
            String prefix = null;
            if (binary(columns[j])) {
                // longest prefix ending in '_' first, so that column names containing '_' work
                for (int cut = name.lastIndexOf('_'); cut > 0 && prefix == null; cut = name.lastIndexOf('_', cut - 1)) {
                    String pre = name.substring(0, cut + 1);
                    int e = j + 1;
                    while (e < p && features.get(e).startsWith(pre) && binary(columns[e])) {
                        e++;
                    }
                    if (e - j >= 2 && oneHot(columns, j, e)) {
                        end = e;
                        prefix = name.substring(0, cut);
                    }
                }
            }
            for (int f = j; f < end; f++) {
                m.put(features.get(f), prefix == null ? features.get(f) : prefix);
            }
            j = end;
        }
        return new FeatureGroups(m);
    }

    /** The source columns of {@code used} features, sorted. */
    public Set<String> columnsUsed(Collection<String> used) {
        Set<String> out = new TreeSet<>();
        for (String f : used) {
            out.add(columnOf.getOrDefault(f, f));
        }
        return out;
    }

    /** Number of distinct source columns. */
    public int columnCount() {
        return new TreeSet<>(columnOf.values()).size();
    }

    /** Features of one column, in order. */
    public List<String> featuresOf(String column) {
        List<String> out = new ArrayList<>();
        columnOf.forEach((f, c) -> {
            if (c.equals(column)) {
                out.add(f);
            }
        });
        return out;
    }

    private static boolean binary(double[] v) {
        for (double d : v) {
            if (d != 0 && d != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean oneHot(double[][] cols, int from, int to) {
        int n = cols[from].length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int f = from; f < to; f++) {
                s += cols[f][i];
            }
            if (s != 1) {
                return false;
            }
        }
        return true;
    }
}
