package org.prunekit.spi;

/**
 * An interval of allowed numbers, each end open or closed; an infinite end is unbounded. Written as in the docs:
 * {@code [0, 1)}, {@code (0, 1]}, {@code ≥ 1}, {@code > 0}, or {@code any} when both ends are infinite.
 *
 * @param min     lower end ({@code -∞} when unbounded)
 * @param minOpen whether {@code min} itself is excluded
 * @param max     upper end ({@code +∞} when unbounded)
 * @param maxOpen whether {@code max} itself is excluded
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen) {

    /** Every number. */
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
    }

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) {
        return new Range(min, false, max, false);
    }

    /** {@code (min, max)}. */
    public static Range open(double min, double max) {
        return new Range(min, true, max, true);
    }

    /** {@code (min, max]}. */
    public static Range openClosed(double min, double max) {
        return new Range(min, true, max, false);
    }

    /** {@code [min, max)}. */
    public static Range closedOpen(double min, double max) {
        return new Range(min, false, max, true);
    }

    /** {@code ≥ min}. */
    public static Range atLeast(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, true);
    }

    /** {@code > min}. */
    public static Range greaterThan(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, true);
    }

    /** Whether {@code v} lies in the range (NaN never does). */
    public boolean contains(double v) {
        boolean aboveMin = minOpen ? v > min : v >= min;
        boolean belowMax = maxOpen ? v < max : v <= max;
        return aboveMin && belowMax;
    }

    @Override
    public String toString() {
        boolean lower = Double.isFinite(min);
        boolean upper = Double.isFinite(max);
        if (lower && upper) {
            return (minOpen ? "(" : "[") + Values.format(min) + ", " + Values.format(max) + (maxOpen ? ")" : "]");
        } else if (lower) {
            return (minOpen ? "> " : "≥ ") + Values.format(min);
        } else if (upper) {
            return (maxOpen ? "< " : "≤ ") + Values.format(max);
        }
        return "any";
    }
}
