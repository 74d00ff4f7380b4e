package org.prunekit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Turns rows of a {@link Table} into a Tribuo dataset. Fitted on training rows only: the categorical levels seen
 * there become one-hot columns named {@code column_level} (a level unseen in training encodes as all zeros), and
 * missing values are imputed with the training median (numeric) or most frequent level (categorical).
 */
public final class TableEncoder {

    private final Table table;
    private final double[] medians;
    private final List<List<String>> levels;
    private final String[] modes;
    private final String[] featureNames;

    private TableEncoder(Table table, double[] medians, List<List<String>> levels, String[] modes, String[] featureNames) {
        this.table = table;
        this.medians = medians;
        this.levels = levels;
        this.modes = modes;
        this.featureNames = featureNames;
    }

    /** Fits the encoding on {@code trainRows} of {@code table}. */
    public static TableEncoder fit(Table table, int[] trainRows) {
        int p = table.columns().size();
        double[] medians = new double[p];
        String[] modes = new String[p];
        List<List<String>> levels = new ArrayList<>(p);
        List<String> numericNames = new ArrayList<>();
        List<String> dummyNames = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            Column col = table.columns().get(c);
            if (col instanceof Column.Numeric n) {
                medians[c] = median(n, trainRows);
                levels.add(List.of());
                numericNames.add(n.name());
            } else if (col instanceof Column.Categorical k) {
                java.util.TreeMap<String, Integer> seen = new java.util.TreeMap<>();
                for (int r : trainRows) {
                    if (k.get(r) != null) {
                        seen.merge(k.get(r), 1, Integer::sum);
                    }
                }
                levels.add(List.copyOf(seen.keySet()));
                modes[c] = seen.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                        .map(java.util.Map.Entry::getKey).orElse(null);
                seen.keySet().forEach(l -> dummyNames.add(k.name() + "_" + l));
            }
        }
        numericNames.addAll(dummyNames);
        return new TableEncoder(table, medians, levels, modes, numericNames.toArray(String[]::new));
    }

    /** Encoded feature names: numeric columns in file order, then the one-hot columns. */
    public List<String> featureNames() {
        return List.of(featureNames);
    }

    /** Encodes the given rows (in that order) as dense examples with weight 1. */
    public MutableDataset<Label> encode(int[] rows) {
        LabelFactory factory = new LabelFactory();
        List<org.tribuo.Example<Label>> examples = new ArrayList<>(rows.length);
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
                List<String> lv = levels.get(c);
                String v = k.get(r);
                if (v == null) {
                    v = modes[c];
                }
                int at = v == null ? -1 : lv.indexOf(v);
                if (at >= 0) {
                    x[j + at] = 1.0;
                }
                j += lv.size();
            }
        }
        return x;
    }

    private static double median(Column.Numeric n, int[] rows) {
        double[] v = Arrays.stream(rows).mapToDouble(n::get).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return 0.0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
