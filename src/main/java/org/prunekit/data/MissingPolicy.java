package org.prunekit.data;

import java.util.Locale;

/**
 * What to do with a missing feature value (an empty field or a declared missing token). A missing value is never
 * read as zero.
 */
public enum MissingPolicy {
    /** Rows with any missing feature value are dropped while reading; their count is reported. */
    DROP_ROWS("drop-rows"),
    /**
     * Missing values are kept in the {@link Table} and imputed by {@link TableEncoder} with the median (numeric) or
     * most frequent level (categorical) of the training rows only; optionally with missing-indicator columns.
     */
    IMPUTE("impute"),
    /** The first missing value is an {@link InputException} naming its line and column. */
    ERROR("error");

    private final String key;

    MissingPolicy(String key) {
        this.key = key;
    }

    /** Parses {@code drop-rows}, {@code impute} or {@code error}. */
    public static MissingPolicy parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (MissingPolicy p : values()) {
            if (p.key.equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("missing policy must be drop-rows, impute or error but was '" + s + "'");
    }

    @Override
    public String toString() {
        return key;
    }
}
