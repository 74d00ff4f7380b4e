package org.prunekit.data;

import java.util.Optional;

/**
 * Recognises text files that are not UTF-8 but UTF-16 or UTF-32, from their first bytes, so that such a file is
 * refused with one line naming its encoding instead of being read as NUL-riddled UTF-8. A byte-order mark names the
 * encoding; without one, ASCII text in UTF-16 has a zero byte in every other position and in UTF-32 three zero bytes
 * out of four, which UTF-8 text (whose NUL bytes are refused anyway) never has in its first characters.
 */
public final class TextEncoding {

    private TextEncoding() {}

    /**
     * The encoding of a file starting with {@code head[0..n)} when it is UTF-16 or UTF-32 (with or without a
     * byte-order mark), e.g. {@code "UTF-16LE"}; empty otherwise.
     */
    public static Optional<String> wideEncoding(byte[] head, int n) {
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        int b3 = n > 3 ? head[3] & 0xff : -1;
        if (b0 == 0xFF && b1 == 0xFE) {
            return Optional.of(
                    b2 == 0 && b3 == 0 ? "UTF-32LE (byte-order mark FF FE 00 00)" : "UTF-16LE (byte-order mark FF FE)");
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return Optional.of("UTF-16BE (byte-order mark FE FF)");
        }
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return Optional.of("UTF-32BE (byte-order mark 00 00 FE FF)");
        }
        if (n >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return Optional.of("UTF-32LE");
        }
        if (n >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return Optional.of("UTF-32BE");
        }
        if (n >= 2 && b0 != 0 && b1 == 0 && (n < 4 || b2 != 0 && b3 == 0)) {
            return Optional.of("UTF-16LE");
        }
        if (n >= 2 && b0 == 0 && b1 != 0 && (n < 4 || b2 == 0 && b3 != 0)) {
            return Optional.of("UTF-16BE");
        }
        return Optional.empty();
    }

    /** The one-line reason for refusing a file in {@code encoding}. */
    public static String refusal(String encoding) {
        return "the file is " + encoding + ", not UTF-8; save it as UTF-8 (e.g. iconv -f "
                + encoding.replaceFirst(" .*", "") + " -t UTF-8)";
    }
}
