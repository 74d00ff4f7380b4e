package org.prunekit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Where two JSON trees differ, as one line per differing path ({@code arms[1].refit.bytes: 11744 != 11748}), so a
 * failed comparison of two results files names the field instead of printing both files whole.
 */
public final class JsonDiff {

    private static final int SHOWN = 20;

    private JsonDiff() {}

    /** Fails, naming {@code what} and the first differing paths, unless {@code expected} equals {@code actual}. */
    public static void assertSame(JsonNode expected, JsonNode actual, String what) {
        List<String> d = differences(expected, actual);
        if (!d.isEmpty()) {
            fail(what + " differs at " + d.size() + " path(s):\n  "
                    + String.join("\n  ", d.subList(0, Math.min(SHOWN, d.size())))
                    + (d.size() > SHOWN ? "\n  ..." : ""));
        }
    }

    /** Every path where {@code a} and {@code b} differ (a missing member or array element counts), in key order. */
    public static List<String> differences(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        walk("", a, b, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType() || a.isValueNode()) {
            if (a == null ? b != null : !a.equals(b)) {
                out.add((path.isEmpty() ? "(root)" : path) + ": " + a + " != " + b);
            }
            return;
        }
        if (a.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        TreeSet<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        for (String k : keys) {
            walk(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
        }
    }
}
