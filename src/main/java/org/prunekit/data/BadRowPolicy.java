package org.prunekit.data;

import java.util.Locale;

/**
 * What to do with a bad data row: a ragged row, a missing target value, a non-numeric value in a column declared
 * numeric, or NaN/Infinity/an overflowing number in a numeric column. Problems with the file as a whole (bad
 * header, non-UTF-8 bytes, an unterminated quote, an over-long record) are always errors.
 */
public enum BadRowPolicy {
    /** The first bad row is an {@link InputException} naming its line and column (the default). */
    ERROR,
    /** Bad rows are skipped and counted, see {@link ReadResult#skippedRows()}. */
    SKIP;

    /** Parses {@code error} or {@code skip}. */
    public static BadRowPolicy parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "skip" -> SKIP;
            default -> throw new IllegalArgumentException("bad-row policy must be error or skip but was '" + s + "'");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
