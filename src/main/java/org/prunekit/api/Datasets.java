package org.prunekit.api;

import java.nio.file.Path;
import java.util.List;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Fold;
import org.prunekit.data.InputException;
import org.prunekit.data.Schema;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Tabular data as Tribuo datasets, read and encoded exactly as the CLI reads a config's {@code data:} block with
 * default settings: column types inferred, categorical columns one-hot encoded, missing values imputed, the target's
 * values as labels.
 */
public final class Datasets {

    private Datasets() {}

    /** Training and test part of a dataset. */
    public record Split(MutableDataset<Label> train, MutableDataset<Label> test) {}

    /**
     * Reads a CSV file with a header row; {@code target} names the class column. Rows keep the file's order. A bad
     * file is an IllegalArgumentException with the CLI's one-line message ({@code file:line:column: ...}).
     */
    public static MutableDataset<Label> csv(Path file, String target) {
        try {
            Encoded data = encode(file, Schema.of(target));
            return data.encoder().encode(allRows(data.table()));
        } catch (InputException e) {
            throw ConfigBlock.badInput(e);
        }
    }

    /** A CSV file read with {@code schema} and the encoding fitted on all its rows, as {@link #csv} makes them. */
    record Encoded(Table table, TableEncoder encoder, List<String> classes) {}

    static Encoded encode(Path file, Schema schema) {
        Table table = new CsvTableReader(schema).read(file);
        return new Encoded(table, TableEncoder.fit(table, allRows(table), false), table.classes());
    }

    private static int[] allRows(Table table) {
        int[] rows = new int[table.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /**
     * A stratified split: {@code testFraction} of every class (rounded, at least one row where possible) goes to the
     * test part, chosen by {@code seed}; both parts keep the original order. The CLI makes its inner holdout (for
     * {@link TreeDrop}) the same way, with {@code testFraction} 0.2.
     */
    public static Split split(Dataset<Label> data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test-fraction: " + testFraction + " is out of range (0, 1)");
        }
        List<String> classes = Probabilities.classes(data);
        Fold f = StratifiedSplits.holdout(Probabilities.indices(data, classes), testFraction, seed);
        return new Split(PathScores.subset(data, f.train()), PathScores.subset(data, f.test()));
    }
}
