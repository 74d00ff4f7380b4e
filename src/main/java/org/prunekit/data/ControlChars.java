package org.prunekit.data;

/**
 * Control characters in user text. Data and config values may not contain them (a NUL or an escape sequence in a
 * CSV is a corrupt or hostile file, not data): tab, line feed and carriage return are the only ones allowed. Text
 * that reaches a terminal is passed through {@link #escape} so that nothing in a file name, a column name or a
 * message can move the cursor, change colours or retitle the window.
 */
public final class ControlChars {

    private static final String[] C0 = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI", "DLE",
        "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"
    };

    private ControlChars() {}

    /** A C0 control other than tab, line feed and carriage return; DEL; or a C1 control (U+0080..U+009F). */
    public static boolean isForbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c >= 0x80 && c <= 0x9F;
    }

    /** Any control character: C0, DEL or C1 (including tab and line ends). */
    public static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F;
    }

    /** {@code U+001B (ESC)}: the character named for an error message. */
    public static String describe(char c) {
        String name = c < 0x20 ? C0[c] : c == 0x7F ? "DEL" : "C1 control";
        return String.format("U+%04X (%s)", (int) c, name);
    }

    /** The index of the first forbidden character of {@code s}, or -1. */
    public static int firstForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isForbidden(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code s} safe to print on a terminal: every control character (including line ends, so the text stays one
     * line) becomes a visible escape, {@code \n}, {@code \r}, {@code \t} or {@code \}{@code xNN} / {@code \}{@code u00NN}.
     */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }
}
