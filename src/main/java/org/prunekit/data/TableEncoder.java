package org.prunekit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
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
 * Feature order: numeric columns in file order, then the one-hot columns, then the missing indicators. The fitted
 * result is an {@link Encoding}, which a model bundle stores to encode new rows identically.
 */
public final class TableEncoder {

    /** Prefix of missing-indicator feature names. */
    public static final String MISSING_PREFIX = "missing:";

    private final Table table;
    private final Encoding encoding;
    private final Encoding.RowEncoder rows;

    private TableEncoder(Table table, Encoding encoding) {
        this.table = table;
        this.encoding = encoding;
        this.rows = encoding.over(table.columns());
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
        List<Column> cols = table.columns();
        int p = cols.size();
        List<String> names = new ArrayList<>();
        int[] feature = new int[p];
        List<List<String>> levels = new ArrayList<>();
        String[] modes = new String[p];
        double[] medians = new double[p];
        for (int c = 0; c < p; c++) {
            levels.add(List.of());
            if (cols.get(c) instanceof Column.Numeric n) {
                medians[c] = n.medianOf(trainRows);
                feature[c] = names.size();
                names.add(n.name());
            }
        }
        for (int c = 0; c < p; c++) {
            if (cols.get(c) instanceof Column.Categorical k) {
                Column.Categorical.Codes codes = k.codes();
                int[] count = levelCounts(codes.code(), codes.levels().length, trainRows);
                TreeMap<String, Integer> seen = new TreeMap<>();
                for (int v = 0; v < count.length; v++) {
                    if (count[v] > 0) {
                        seen.put(codes.levels()[v], count[v]);
                    }
                }
                int best = 0;
                for (var e : seen.entrySet()) {
                    if (e.getValue() > best) {
                        best = e.getValue();
                        modes[c] = e.getKey();
                    }
                }
                feature[c] = names.size();
                levels.set(c, List.copyOf(seen.keySet()));
                seen.keySet().forEach(level -> names.add(k.name() + "_" + level));
            }
        }
        int[] indicator = new int[p];
        Arrays.fill(indicator, -1);
        for (int c = 0; c < p; c++) {
            if (missingIndicators && anyMissing(cols.get(c), trainRows)) {
                indicator[c] = names.size();
                names.add(MISSING_PREFIX + cols.get(c).name());
            }
        }
        List<ColumnEncoding> out = new ArrayList<>(p);
        for (int c = 0; c < p; c++) {
            Column col = cols.get(c);
            out.add(new ColumnEncoding(
                    col.name(),
                    col instanceof Column.Numeric ? ColumnType.NUMERIC : ColumnType.CATEGORICAL,
                    medians[c],
                    modes[c],
                    feature[c],
                    levels.get(c),
                    indicator[c]));
        }
        Encoding encoding;
        try {
            encoding = new Encoding(out, names);
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    table.source(), "cannot encode the columns: " + e.getMessage() + " (rename a column or a level)");
        }
        return new TableEncoder(table, encoding);
    }

    /**
     * How many of {@code rows} have each level code (missing: negative, not counted). The loops over rows live in
     * methods of their own, so that C2 compiles them alone rather than all of {@link #fit} per loop.
     */
    private static int[] levelCounts(int[] code, int levels, int[] rows) {
        int[] count = new int[levels];
        for (int r : rows) {
            if (code[r] >= 0) {
                count[code[r]]++;
            }
        }
        return count;
    }

    private static boolean anyMissing(Column col, int[] rows) {
        for (int r : rows) {
            if (col.isMissing(r)) {
                return true;
            }
        }
        return false;
    }

    /** The fitted encoding. */
    public Encoding encoding() {
        return encoding;
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
        return encoding.features();
    }

    /** Encodes the given rows (in that order) as dense examples with weight 1. */
    public MutableDataset<Label> encode(int[] rowIndices) {
        Examples e = examples(rowIndices);
        var provenance = new SimpleDataSourceProvenance(table.source(), e.factory());
        return EncodedDataset.of(e.rows(), e.names(), e.nonZero(), provenance, e.factory());
    }

    /**
     * The examples of some rows, before they make a dataset: their features are the shared {@code names} (strictly
     * ascending), their labels from {@code factory}; {@code nonZero} holds each feature's non-zero values in row
     * order, gathered while the rows were written.
     */
    record Examples(List<Example<Label>> rows, String[] names, NonZeroColumns nonZero, LabelFactory factory) {}

    /** The examples {@link #encode} makes a dataset of. */
    Examples examples(int[] rowIndices) {
        LabelFactory factory = new LabelFactory();
        // Tribuo's ArrayExample keeps its features sorted by name and sorts what it is given: handing it the names
        // already sorted (each row written straight in that order) gives the same example, and SortedNamesExample
        // checks the order once for all rows instead of Tribuo's re-sort and set-based name check per row
        List<String> features = encoding.features();
        int[] order = IntStream.range(0, features.size())
                .boxed()
                .sorted((a, b) -> features.get(a).compareTo(features.get(b)))
                .mapToInt(Integer::intValue)
                .toArray();
        String[] sortedNames = new String[order.length];
        Arrays.setAll(sortedNames, i -> features.get(order[i]));
        SortedNamesExample.Names names = new SortedNamesExample.Names(sortedNames);
        int[] position = new int[order.length]; // feature j's place among the sorted names
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        NonZeroColumns nonZero = new NonZeroColumns(order.length, rowIndices.length);
        double[][] values = rows.rows(rowIndices, position, nonZero);
        List<Example<Label>> examples = new ArrayList<>(rowIndices.length);
        for (int k = 0; k < rowIndices.length; k++) {
            examples.add(new SortedNamesExample(factory.generateOutput(table.label(rowIndices[k])), names, values[k]));
        }
        return new Examples(examples, sortedNames, nonZero, factory);
    }

    /** The encoded feature vector of one row, in {@link #featureNames()} order. */
    public double[] row(int r) {
        return rows.row(r);
    }
}
