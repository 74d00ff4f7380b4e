package org.prunekit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cells of the CSV files prunekit writes, made safe for spreadsheets: a text cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a formula
 * (OWASP "CSV injection"), so it is written with a leading apostrophe, which spreadsheets display as text. Numbers
 * (such as {@code -0.5}, {@code -1e-3} or {@code -Infinity}) are written as they are. A cell that starts with an apostrophe gets one more,
 * so {@link #read} undoes {@link #cell} exactly: prunekit reads back what it wrote.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The cell as written: numbers and safe text unchanged, formula-like text behind an apostrophe. */
    public static Object cell(Object cell) {
        if (!(cell instanceof CharSequence cs)) {
            return cell;
        }
        String s = cs.toString();
        return needsGuard(s) ? "'" + s : s;
    }

    /** A row of cells as written. */
    public static List<Object> row(Iterable<?> row) {
        List<Object> out = new ArrayList<>();
        row.forEach(c -> out.add(cell(c)));
        return out;
    }

    /** A row of cells as written. */
    public static List<Object> row(Object[] row) {
        return row(Arrays.asList(row));
    }

    /** Header names as written. */
    public static String[] header(List<String> names) {
        return names.stream().map(n -> (String) cell(n)).toArray(String[]::new);
    }

    /** The original text of a cell written by {@link #cell}. */
    public static String read(String cell) {
        return cell != null && cell.startsWith("'") ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (c == '\'') {
            return true;
        }
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return CsvTableReader.isText(s);
    }
}
