package org.prunekit.report.chart;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named line of a chart as parallel arrays: {@code y[i] ± error[i]} at {@code x[i]}. An empty {@code error}
 * array means no error bars. Non-finite points are skipped when drawn (and, on a log axis, points with
 * {@code x <= 0}).
 */
public record Curve(String name, double[] x, double[] y, double[] error) {

    public Curve {
        Objects.requireNonNull(name, "name");
        x = x.clone();
        y = y.clone();
        error = error == null ? new double[0] : error.clone();
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "curve " + name + ": x has " + x.length + " points but y has " + y.length);
        }
        if (error.length != 0 && error.length != y.length) {
            throw new IllegalArgumentException(
                    "curve " + name + ": error has " + error.length + " points but y has " + y.length);
        }
    }

    /** A curve without error bars. */
    public static Curve of(String name, double[] x, double[] y) {
        return new Curve(name, x, y, new double[0]);
    }

    public boolean hasError() {
        return error.length > 0;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c
                && name.equals(c.name)
                && Arrays.equals(x, c.x)
                && Arrays.equals(y, c.y)
                && Arrays.equals(error, c.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(error));
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + x.length + " points]";
    }
}
