package org.prunekit.onnx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.prunekit.data.ColumnEncoding;
import org.prunekit.data.ColumnType;
import org.prunekit.data.Encoding;

/**
 * The raw feature columns an exported graph takes, in file order, with the fitted encoding of each (what the
 * encoder learnt on the training rows) and the names of the encoded features each writes.
 *
 * @param columns       raw columns in file order
 * @param missingTokens strings that mean "missing" in a categorical column, besides the empty string
 */
public record RawColumns(List<Column> columns, List<String> missingTokens) {

    public RawColumns {
        columns = List.copyOf(columns);
        missingTokens = List.copyOf(missingTokens);
    }

    /**
     * The raw columns of a fitted {@link Encoding} (the one saved in a model bundle), with the schema's missing
     * tokens.
     */
    public static RawColumns of(Encoding encoding, Collection<String> missingTokens) {
        List<String> f = encoding.features();
        List<Column> out = new ArrayList<>();
        for (ColumnEncoding c : encoding.columns()) {
            String indicator = c.indicator() >= 0 ? f.get(c.indicator()) : null;
            if (c.type() == ColumnType.NUMERIC) {
                out.add(new Numeric(c.name(), c.impute(), f.get(c.feature()), indicator));
            } else {
                List<String> features = IntStream.range(0, c.levels().size())
                        .mapToObj(i -> f.get(c.feature() + i))
                        .toList();
                out.add(new Categorical(c.name(), c.levels(), c.mode(), features, indicator));
            }
        }
        return new RawColumns(out, new TreeSet<>(missingTokens).stream().toList());
    }

    /** One raw column. */
    public sealed interface Column permits Numeric, Categorical {
        String name();

        /** Name of the 0/1 missing-indicator feature, or null when there is none. */
        String indicator();
    }

    /**
     * A numeric column: a missing cell (NaN) becomes {@code fill}.
     *
     * @param feature name of its encoded feature
     */
    public record Numeric(String name, double fill, String feature, String indicator) implements Column {}

    /**
     * A categorical column, one-hot over {@code levels} (level {@code i} is feature {@code features[i]}); a missing
     * cell takes {@code mode} (null when the column had no value in training); an unseen level encodes as all zeros.
     */
    public record Categorical(String name, List<String> levels, String mode, List<String> features, String indicator)
            implements Column {
        public Categorical {
            levels = List.copyOf(levels);
            features = List.copyOf(features);
            if (levels.size() != features.size()) {
                throw new IllegalArgumentException(
                        "column '" + name + "' has " + levels.size() + " levels but " + features.size() + " features");
            }
            if (mode != null && !levels.contains(mode)) {
                throw new IllegalArgumentException("mode '" + mode + "' of column '" + name + "' is not a level");
            }
        }
    }

    /** The numeric columns, in file order (the columns of the {@code numeric} input). */
    public List<Numeric> numeric() {
        return columns.stream()
                .filter(Numeric.class::isInstance)
                .map(Numeric.class::cast)
                .toList();
    }

    /** The categorical columns, in file order (the columns of the {@code categorical} input). */
    public List<Categorical> categorical() {
        return columns.stream()
                .filter(Categorical.class::isInstance)
                .map(Categorical.class::cast)
                .toList();
    }
}
