package org.prunekit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict UTF-8 reader for CSV input that fails early and precisely, so a hostile file gives one clear line instead
 * of garbage or an {@link OutOfMemoryError}:
 * <ul>
 *   <li>bytes that are not UTF-8 are an error naming line, column and byte offset (no silent replacement);</li>
 *   <li>a leading byte-order mark is dropped; a UTF-16 or UTF-32 file is refused naming its encoding
 *       ({@link TextEncoding});</li>
 *   <li>control characters other than tab and line ends (NUL, ESC, ...; {@link ControlChars}) are an error naming
 *       line and field;</li>
 *   <li>a record (a CSV row, including the newlines inside its quoted fields) longer than a cap is an error;</li>
 *   <li>end of file inside a quoted field is an error naming the line and column where that field's quote opened.</li>
 * </ul>
 * It follows the RFC 4180 quoting states to know where records and fields start. Errors are raised only after every
 * character before the problem has been handed to the caller, so problems earlier in the file are reported first.
 * Lines are counted at {@code \n}, {@code \r\n} and a lone {@code \r}, as Commons CSV does.
 */
final class GuardedReader extends Reader {

    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final String file;
    private final InputStream in;
    private final long maxRecordChars;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);

    private long bytesBefore;
    private boolean eof;
    private boolean done;
    private boolean first = true;
    private boolean sniffed;
    private InputException pending;

    private int state = START;
    private long line = 1;
    private int field = 1;
    private long recordLine = 1;
    private long recordChars;
    private long quoteLine;
    private int quoteField;
    private boolean prevCr;

    GuardedReader(String file, InputStream in, long maxRecordChars) {
        this.file = file;
        this.in = in;
        this.maxRecordChars = maxRecordChars;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (pending != null) {
                throw pending;
            }
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Reads the first bytes and refuses a UTF-16 or UTF-32 file before decoding anything. */
    private void sniff() throws IOException {
        sniffed = true;
        bytes.compact();
        while (bytes.position() < 4) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
                break;
            }
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
        TextEncoding.wideEncoding(bytes.array(), bytes.limit())
                .ifPresent(e -> pending = new InputException(file, 1, 0, TextEncoding.refusal(e)));
    }

    private void fill() throws IOException {
        if (!sniffed) {
            sniff();
            if (pending != null) {
                chars.clear().flip();
                return;
            }
        }
        chars.clear();
        long badOffset = -1;
        int badByte = 0;
        while (true) {
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                badOffset = bytesBefore + bytes.position();
                badByte = bytes.get(bytes.position()) & 0xff;
                break;
            }
            if (r.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(chars);
                done = true;
                break;
            }
            if (chars.position() > 0) {
                break;
            }
            bytesBefore += bytes.position();
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        chars.flip();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        scan();
        if (pending == null && badOffset >= 0) {
            pending = new InputException(
                    file,
                    line,
                    field,
                    String.format(
                            "byte 0x%02X at byte offset %,d is not valid UTF-8; save the file as UTF-8",
                            badByte, badOffset));
        }
        if (pending == null && done && state == QUOTED) {
            pending = new InputException(
                    file,
                    quoteLine,
                    quoteField,
                    "unterminated quoted field: the quote opened here is never closed before the end of the file");
        }
    }

    /** Runs the quoting state machine over the newly decoded characters; may set an over-long-record error. */
    private void scan() {
        char[] a = chars.array();
        int to = chars.limit();
        for (int i = chars.position(); i < to; i++) {
            char c = a[i];
            if (ControlChars.isForbidden(c)) {
                pending = new InputException(
                        file,
                        line,
                        field,
                        "control character " + ControlChars.describe(c)
                                + " in the data; a CSV may hold tabs and line ends but no other control characters");
                chars.limit(i);
                return;
            }
            if (++recordChars > maxRecordChars) {
                pending = new InputException(
                        file,
                        recordLine,
                        field,
                        String.format(
                                "record longer than %,d characters (a CSV row must fit in this limit)",
                                maxRecordChars));
                chars.limit(i);
                return;
            }
            boolean newline = false;
            if (c == '\r') {
                line++;
                newline = true;
            } else if (c == '\n') {
                if (!prevCr) {
                    line++;
                }
                newline = true;
            }
            prevCr = c == '\r';
            switch (state) {
                case START, UNQUOTED, QUOTE_IN_QUOTED -> {
                    if (newline) {
                        endRecord();
                    } else if (c == ',') {
                        field++;
                        state = START;
                    } else if (c == '"' && state == START) {
                        state = QUOTED;
                        quoteLine = line;
                        quoteField = field;
                    } else if (c == '"') {
                        state = state == QUOTE_IN_QUOTED ? QUOTED : UNQUOTED;
                    } else {
                        state = UNQUOTED;
                    }
                }
                default -> { // QUOTED
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    }
                }
            }
        }
    }

    private void endRecord() {
        state = START;
        field = 1;
        recordChars = 0;
        recordLine = line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
