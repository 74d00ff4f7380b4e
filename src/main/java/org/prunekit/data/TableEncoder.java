package org.prunekit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Turns rows of a {@link Table} into a Tribuo dataset. Fitted on training rows only, so nothing about validation or
 * test rows leaks into the encoding:
 * <ul>
 *   <li>the categorical levels seen in the training rows become one-hot columns named {@code column_level}, in
 *       sorted order; a level unseen in training encodes as all zeros;</li>
 *   <li>a missing numeric value is imputed with the training median, a missing categorical value with the most
 *       frequent training level (ties: the first in sorted order); a numeric column with no value at all among the
 *       training rows is constant there and is encoded as the constant 0 (it carries no information either way);</li>
 *   <li>optionally, a 0/1 column {@code missing:column} for every column that has missing values among the training
 *       rows.</li>
 * </ul>
 * Feature order: numeric columns in file order, then the one-hot columns, then the missing indicators.
 */
public final class TableEncoder {

    /** Prefix of missing-indicator feature names. */
    public static final String MISSING_PREFIX = "missing:";

    private final Table table;
    private final double[] medians;
    private final List<Map<String, Integer>> levels;
    private final String[] modes;
    private final int[] indicators;
    private final String[] featureNames;

    private TableEncoder(
            Table table,
            double[] medians,
            List<Map<String, Integer>> levels,
            String[] modes,
            int[] indicators,
            String[] featureNames) {
        this.table = table;
        this.medians = medians;
        this.levels = levels;
        this.modes = modes;
        this.indicators = indicators;
        this.featureNames = featureNames;
    }

    /** Fits the encoding on {@code trainRows} of {@code table}, without missing indicators. */
    public static TableEncoder fit(Table table, int[] trainRows) {
        return fit(table, trainRows, false);
    }

    /**
     * Fits the encoding on {@code trainRows} of {@code table}.
     *
     * @param missingIndicators add a 0/1 column per column with missing values among {@code trainRows}
     */
    public static TableEncoder fit(Table table, int[] trainRows, boolean missingIndicators) {
        int p = table.columns().size();
        double[] medians = new double[p];
        String[] modes = new String[p];
        List<Map<String, Integer>> levels = new ArrayList<>(p);
        List<String> numericNames = new ArrayList<>();
        List<String> dummyNames = new ArrayList<>();
        List<Integer> withMissing = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            Column col = table.columns().get(c);
            boolean missing = false;
            for (int r : trainRows) {
                if (col.isMissing(r)) {
                    missing = true;
                    break;
                }
            }
            if (missing && missingIndicators) {
                withMissing.add(c);
            }
            if (col instanceof Column.Numeric n) {
                medians[c] = median(n, trainRows);
                levels.add(Map.of());
                numericNames.add(n.name());
            } else if (col instanceof Column.Categorical k) {
                TreeMap<String, Integer> seen = new TreeMap<>();
                for (int r : trainRows) {
                    if (k.get(r) != null) {
                        seen.merge(k.get(r), 1, Integer::sum);
                    }
                }
                Map<String, Integer> index = new HashMap<>();
                String mode = null;
                int best = 0;
                for (var e : seen.entrySet()) {
                    index.put(e.getKey(), index.size());
                    dummyNames.add(k.name() + "_" + e.getKey());
                    if (e.getValue() > best) {
                        best = e.getValue();
                        mode = e.getKey();
                    }
                }
                levels.add(index);
                modes[c] = mode;
            }
        }
        numericNames.addAll(dummyNames);
        for (int c : withMissing) {
            numericNames.add(MISSING_PREFIX + table.columns().get(c).name());
        }
        return new TableEncoder(
                table,
                medians,
                levels,
                modes,
                withMissing.stream().mapToInt(i -> i).toArray(),
                numericNames.toArray(String[]::new));
    }

    /**
     * Checks that no two features of any encoding of {@code table} share a name: a numeric column {@code color_red}
     * and level {@code red} of a categorical column {@code color} would both be {@code color_red} (Tribuo refuses
     * such examples), and so would two categorical columns {@code a_b} (level {@code c}) and {@code a} (level
     * {@code b_c}). Levels are taken from all rows, so every fold's encoding is covered.
     *
     * @param file              the data file, for the message
     * @param missingIndicators whether {@code missing:column} indicators are added
     * @return the number of encoded features when fitted on all rows (without indicators)
     * @throws InputException naming both sources of a shared name
     */
    public static int checkNames(Table table, String file, boolean missingIndicators) {
        Map<String, String> source = new HashMap<>();
        int features = 0;
        for (Column col : table.columns()) { // in encoding order: numeric columns, then one-hot, then indicators
            if (col instanceof Column.Numeric n) {
                claim(source, n.name(), "numeric column '" + n.name() + "'", file);
                features++;
            }
        }
        for (Column col : table.columns()) {
            if (col instanceof Column.Categorical k) {
                TreeMap<String, Boolean> levels = new TreeMap<>();
                for (String v : k.values()) {
                    if (v != null) {
                        levels.put(v, true);
                    }
                }
                for (String level : levels.keySet()) {
                    claim(
                            source,
                            k.name() + "_" + level,
                            "level '" + level + "' of categorical column '" + k.name() + "'",
                            file);
                }
                features += levels.size();
            }
        }
        for (Column col : table.columns()) {
            if (missingIndicators) {
                claim(
                        source,
                        MISSING_PREFIX + col.name(),
                        "the missing-value indicator of column '" + col.name() + "'",
                        file);
            }
        }
        return features;
    }

    private static void claim(Map<String, String> source, String name, String what, String file) {
        String before = source.putIfAbsent(name, what);
        if (before != null) {
            throw new InputException(
                    file,
                    1,
                    0,
                    "encoded feature name '" + name + "' would come from both " + before + " and " + what
                            + "; rename one of the columns");
        }
    }

    /** Encoded feature names: numeric columns in file order, then the one-hot columns, then missing indicators. */
    public List<String> featureNames() {
        return List.of(featureNames);
    }

    /** Encodes the given rows (in that order) as dense examples with weight 1. */
    public MutableDataset<Label> encode(int[] rows) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        for (int r : rows) {
            examples.add(new ArrayExample<>(factory.generateOutput(table.label(r)), featureNames, row(r)));
        }
        var provenance = new SimpleDataSourceProvenance(table.source(), factory);
        return new MutableDataset<>(new ListDataSource<>(examples, factory, provenance));
    }

    /** The encoded feature vector of one row, in {@link #featureNames()} order. */
    public double[] row(int r) {
        double[] x = new double[featureNames.length];
        int j = 0;
        List<Column> cols = table.columns();
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c) instanceof Column.Numeric n) {
                x[j++] = n.isMissing(r) ? medians[c] : n.get(r);
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c) instanceof Column.Categorical k) {
                Map<String, Integer> lv = levels.get(c);
                String v = k.get(r);
                if (v == null) {
                    v = modes[c];
                }
                Integer at = v == null ? null : lv.get(v);
                if (at != null) {
                    x[j + at] = 1.0;
                }
                j += lv.size();
            }
        }
        for (int c : indicators) {
            x[j++] = cols.get(c).isMissing(r) ? 1.0 : 0.0;
        }
        return x;
    }

    private static double median(Column.Numeric n, int[] rows) {
        double[] v = Arrays.stream(rows)
                .mapToDouble(n::get)
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        if (v.length == 0) {
            return 0.0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
