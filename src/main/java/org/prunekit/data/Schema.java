package org.prunekit.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to read a CSV file into a {@link Table}.
 *
 * @param target            name of the class column (default {@code class}); labels keep their case
 * @param types             per-column type overrides; other columns are inferred (numeric when every present value
 *                          is a number, categorical otherwise)
 * @param missingTokens     field values that mean "missing" besides the empty field, compared after trimming
 *                          (e.g. {@code ?}, {@code NA}); none by default
 * @param missing           what to do with missing feature values (default {@link MissingPolicy#IMPUTE})
 * @param badRows           what to do with bad rows (default {@link BadRowPolicy#ERROR})
 * @param missingIndicators with {@code impute}: add a 0/1 column {@code missing:<column>} for each column that has
 *                          missing values among the training rows (default false)
 */
public record Schema(
        String target,
        Map<String, ColumnType> types,
        Set<String> missingTokens,
        MissingPolicy missing,
        BadRowPolicy badRows,
        boolean missingIndicators) {

    public static final String DEFAULT_TARGET = "class";

    public Schema {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("target column name must not be empty but was '" + target + "'");
        }
        if (types.containsKey(target)) {
            throw new IllegalArgumentException("the target column '" + target + "' cannot have a type override");
        }
        types = Map.copyOf(new LinkedHashMap<>(types));
        TreeSet<String> tokens = new TreeSet<>();
        for (String t : missingTokens) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException(
                        "a missing token must not be blank (blank fields are always missing)");
            }
            tokens.add(t.trim());
        }
        missingTokens = Set.copyOf(tokens);
        if (missing == null || badRows == null) {
            throw new IllegalArgumentException("missing and bad-row policies must not be null");
        }
    }

    /** Target {@code class}, inferred types, no missing tokens, impute, bad rows are errors, no indicators. */
    public static Schema defaults() {
        return of(DEFAULT_TARGET);
    }

    /** The defaults with another target column. */
    public static Schema of(String target) {
        return new Schema(target, Map.of(), Set.of(), MissingPolicy.IMPUTE, BadRowPolicy.ERROR, false);
    }

    public Schema withTarget(String t) {
        return new Schema(t, types, missingTokens, missing, badRows, missingIndicators);
    }

    public Schema withTypes(Map<String, ColumnType> t) {
        return new Schema(target, t, missingTokens, missing, badRows, missingIndicators);
    }

    public Schema withMissingTokens(Set<String> t) {
        return new Schema(target, types, t, missing, badRows, missingIndicators);
    }

    public Schema withMissing(MissingPolicy p) {
        return new Schema(target, types, missingTokens, p, badRows, missingIndicators);
    }

    public Schema withBadRows(BadRowPolicy p) {
        return new Schema(target, types, missingTokens, missing, p, missingIndicators);
    }

    public Schema withMissingIndicators(boolean on) {
        return new Schema(target, types, missingTokens, missing, badRows, on);
    }

    /** True when the trimmed field is empty or a declared missing token. */
    boolean isMissing(String field) {
        if (field.isEmpty()) {
            return true;
        }
        String t = field.trim();
        return t.isEmpty() || (!missingTokens.isEmpty() && missingTokens.contains(t));
    }
}
