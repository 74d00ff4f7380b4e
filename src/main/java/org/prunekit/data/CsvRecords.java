package org.prunekit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file to a {@link Visitor}: RFC 4180 through a {@link GuardedReader} (UTF-8, record
 * length limit, quotes reported where they open), entirely empty lines skipped, each record with the line it starts
 * on. Every read problem is an {@link InputException} naming the file and, where there is one, the line.
 */
final class CsvRecords {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private CsvRecords() {}

    /** Receives the header and then each data record with the line it starts on. */
    interface Visitor {
        /** @return false to stop after the header */
        boolean header(String[] names, long line);

        void row(CSVRecord r, long line);
    }

    /** Parses {@code file} (called {@code name} in messages), records of at most {@code maxRecordChars} characters. */
    static void parse(Path file, String name, long maxRecordChars, Visitor visitor) {
        long line = 1;
        try (InputStream in = Files.newInputStream(file);
                GuardedReader reader = new GuardedReader(name, in, maxRecordChars);
                CSVParser parser = FORMAT.parse(reader)) {
            var it = parser.iterator();
            boolean header = true;
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw new InputException(name, line, 0, message(e.getCause()));
                }
                long start = line;
                line = parser.getCurrentLineNumber() + 1;
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue; // an empty line
                }
                if (header) {
                    header = false;
                    if (!visitor.header(r.values(), start)) {
                        return;
                    }
                } else {
                    visitor.row(r, start);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, "file not found");
        } catch (AccessDeniedException e) {
            throw new InputException(name, "file is not readable (permission denied)");
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(name, line, 0, message(e instanceof UncheckedIOException u ? u.getCause() : e));
        }
    }

    /** A one-line message for a Commons CSV parse error. */
    private static String message(Throwable e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return "text after a closing quote (a quote inside a quoted field must be doubled, RFC 4180)";
        }
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "unterminated quoted field";
        }
        return "malformed CSV: " + m.replace('\n', ' ');
    }
}
