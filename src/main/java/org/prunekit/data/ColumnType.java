package org.prunekit.data;

import java.util.Locale;

/** How a feature column is read: numeric ({@link Column.Numeric}) or categorical ({@link Column.Categorical}). */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL;

    /** Parses {@code numeric} or {@code categorical} (case-insensitive). */
    public static ColumnType parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "numeric" -> NUMERIC;
            case "categorical" -> CATEGORICAL;
            default -> throw new IllegalArgumentException(
                    "column type must be numeric or categorical but was '" + s + "'");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
