package org.prunekit.report;

/** HTML text escaping: every user-supplied string goes through {@link #escape} before it reaches the page. */
public final class Html {

    private Html() {}

    /**
     * Escapes {@code & < > " '} (safe in text and in quoted attributes) and drops characters XML 1.0 forbids, so the
     * page also parses as XHTML.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            b.append(c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }
}
