package org.prunekit.data;

/**
 * Bad user input (a data file or a config file): carries where the problem is, so the CLI prints one line
 * {@code file:line:column: message} and exits with code 2.
 */
public class InputException extends RuntimeException {

    private final String file;
    private final long line;
    private final int column;

    /**
     * @param file   the file (or config) concerned
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     */
    public InputException(String file, long line, int column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public InputException(String file, String message) {
        this(file, 0, 0, message);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The one-line form printed to users: {@code file:line:column: message}. */
    public String oneLine() {
        StringBuilder b = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").append(getMessage().replace('\n', ' ')).toString();
    }
}
