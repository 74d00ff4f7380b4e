package org.prunekit.data;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A raw tabular dataset as read from CSV: feature columns (not yet encoded) and a class label per row.
 * Immutable. Encoding into Tribuo examples happens per training part, see {@link TableEncoder}.
 *
 * @param source  where the table came from (file name), for messages and provenance
 * @param columns feature columns in file order (the target is not among them)
 * @param target  name of the target column
 * @param labels  class label of each row (never null)
 */
public record Table(String source, List<Column> columns, String target, String[] labels) {

    public Table {
        columns = List.copyOf(columns);
        labels = labels.clone();
        for (Column c : columns) {
            if (c.size() != labels.length) {
                throw new IllegalArgumentException(
                        "column " + c.name() + " has " + c.size() + " rows, labels " + labels.length);
            }
        }
    }

    public int rows() {
        return labels.length;
    }

    /** Label of one row. */
    public String label(int row) {
        return labels[row];
    }

    /** A copy of the labels. */
    @Override
    public String[] labels() {
        return labels.clone();
    }

    /** The distinct class labels, sorted (scikit-learn's label order). */
    public List<String> classes() {
        return List.copyOf(new TreeSet<>(Arrays.asList(labels)));
    }

    /** Class index of every row, in the order of {@link #classes()}. */
    public int[] classIndex() {
        List<String> classes = classes();
        int[] y = new int[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = classes.indexOf(labels[i]);
        }
        return y;
    }

    public Column column(String name) {
        return columns.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + source));
    }
}
