package org.prunekit.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes parameter values the way the docs and {@code validate} show them: {@code 1e-7}, {@code 0.5}, {@code [64, 32]}. */
public final class Values {

    private Values() {}

    /** A number without a trailing {@code .0} and with a lower-case exponent: 1, 0.25, 1e-7, 1e300. */
    public static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "NaN" : d > 0 ? "∞" : "-∞";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    /** Any bound value: numbers as {@link #format(double)}, arrays and lists as {@code [a, b]}, null as {@code —}. */
    public static String format(Object v) {
        if (v == null) {
            return "—";
        } else if (v instanceof Double || v instanceof Float) {
            return format(((Number) v).doubleValue());
        } else if (v instanceof double[] a) {
            return Arrays.stream(a).mapToObj(Values::format).collect(Collectors.joining(", ", "[", "]"));
        } else if (v instanceof int[] a) {
            return IntStream.of(a).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
        } else if (v instanceof List<?> l) {
            return l.stream().map(Values::format).collect(Collectors.joining(", ", "[", "]"));
        } else if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(en -> en.getKey() + ": " + format(en.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return v.toString();
    }
}
