package org.tribuo;

import com.oracle.labs.mlrg.olcut.util.MutableLong;
import java.util.Arrays;
import java.util.HashMap;

/**
 * prunekit's bridge into Tribuo's core package (split package on the class path, like {@code TreeModelAccess}): a
 * feature's statistics from all its values at once. Internal: not part of prunekit's public API; it may change in
 * any release.
 *
 * <p>{@link MutableFeatureMap#add} observes one value at a time: a {@link CategoricalInfo} boxes each value and counts
 * it in a {@code HashMap<Double, MutableLong>}, and turns into a {@link RealInfo} (mean and sum of squares from the
 * counts, then Welford's update per value) once it has seen more than {@link CategoricalInfo#THRESHOLD} distinct
 * values. {@link #observed} gives the same object from the whole sequence: distinct values counted in a primitive
 * table, the categorical state set once (its map filled by the calls that shape Tribuo's, so it iterates, compares
 * and serializes as Tribuo's), the conversion and the values after it left to Tribuo's own
 * {@link CategoricalInfo#generateRealInfo} and {@link RealInfo#observe}. {@code VariableInfoAccessTest} compares both
 * on random and special sequences, serialized bytes included; {@code EncodedDatasetTest} on real tables.
 */
public final class VariableInfoAccess {

    /** CategoricalInfo's tolerance while it has seen one value (a private constant of Tribuo 4.3.2). */
    private static final double SAME_VALUE = 1e-10;

    private VariableInfoAccess() {}

    /**
     * The info {@code new MutableFeatureMap().add(name, v)} leaves for {@code name} after {@code values[0..n)}, each
     * non-zero, in order.
     */
    public static VariableInfo observed(String name, double[] values, int n) {
        // each loop over the values is a method of its own: C2 then compiles that loop alone instead of compiling
        // this method (Tribuo's map and conversion inlined) once per loop that gets hot
        CategoricalInfo info = new CategoricalInfo(name);
        if (n == 0) {
            return info;
        }
        // NaN and infinities (Tribuo's single-value test and its map treat them apart) and zeros: Tribuo's own path
        if (anySpecial(values, n)) {
            return oneByOne(info, values, n);
        }
        double first = values[0];
        int i = sameAsFirst(values, n);
        if (i == n) {
            info.count = n;
            info.observedValue = first;
            info.observedCount = n;
            return info;
        }
        Distinct distinct = new Distinct();
        distinct.add(first, i);
        int crossed = distinct.addEach(values, i, n);
        if (crossed < n) {
            info.count = crossed + 1;
            info.valueCounts = distinct.map(false);
            RealInfo real = info.generateRealInfo();
            observeEach(real, values, crossed + 1, n);
            return real;
        }
        info.count = n;
        info.valueCounts = distinct.map(distinct.lastNew < n - 1);
        return info;
    }

    /** Whether a value is zero, NaN or infinite. */
    private static boolean anySpecial(double[] values, int n) {
        for (int i = 0; i < n; i++) {
            if (values[i] == 0.0 || !Double.isFinite(values[i])) {
                return true;
            }
        }
        return false;
    }

    /** The length of the leading run of values within Tribuo's single-value tolerance of the first. */
    private static int sameAsFirst(double[] values, int n) {
        double first = values[0];
        int i = 1;
        while (i < n && Math.abs(values[i] - first) < SAME_VALUE) {
            i++;
        }
        return i;
    }

    private static void observeEach(RealInfo real, double[] values, int from, int n) {
        for (int j = from; j < n; j++) {
            real.observe(values[j]);
        }
    }

    /** Tribuo's add, value by value (without the name lookup). */
    private static VariableInfo oneByOne(CategoricalInfo info, double[] values, int n) {
        SkeletalVariableInfo current = info;
        for (int i = 0; i < n; i++) {
            current.observe(values[i]);
            if (current instanceof CategoricalInfo c && c.getUniqueObservations() > CategoricalInfo.THRESHOLD) {
                current = c.generateRealInfo();
            }
        }
        return current;
    }

    /**
     * Distinct values (by {@link Double#equals}) in first-appearance order with their counts: whole numbers up to
     * {@link #SMALL} in magnitude (codes, counts, one-hot ones) by direct index, others by open addressing on their bits.
     */
    private static final class Distinct {
        private static final int SMALL = 1024;

        private double[] keys = new double[8];
        private long[] counts = new long[8];
        private int size;
        private int lastNew = -1; // index (in the values given to addEach) of the last new value
        private int[] small; // by whole value + SMALL: index + 1, 0 = not seen
        private int[] slots = new int[32]; // other values: index + 1, 0 = empty; at most half full
        private long[] slotBits = new long[32];

        /**
         * Counts {@code values[from..n)} once each until there are more than {@link CategoricalInfo#THRESHOLD}
         * distinct values: the index of the value that made them more, or {@code n}.
         */
        int addEach(double[] values, int from, int n) {
            for (int i = from; i < n; i++) {
                if (add(values[i], 1)) {
                    lastNew = i;
                    if (size > CategoricalInfo.THRESHOLD) {
                        return i;
                    }
                }
            }
            return n;
        }

        /** Counts {@code v} {@code k} times; whether it is new. */
        boolean add(double v, long k) {
            if (v == Math.rint(v) && Math.abs(v) <= SMALL) { // a small whole number (never 0 or -0 here): no hashing
                if (small == null) {
                    small = new int[2 * SMALL + 1];
                }
                int at = (int) v + SMALL;
                if (small[at] != 0) {
                    counts[small[at] - 1] += k;
                    return false;
                }
                append(v, k);
                small[at] = size;
                return true;
            }
            long bits = Double.doubleToLongBits(v);
            int mask = slots.length - 1;
            int s = mix(bits) & mask;
            while (slots[s] != 0) {
                if (slotBits[s] == bits) {
                    counts[slots[s] - 1] += k;
                    return false;
                }
                s = (s + 1) & mask;
            }
            append(v, k);
            slots[s] = size;
            slotBits[s] = bits;
            if (size * 2 > slots.length) {
                rehash();
            }
            return true;
        }

        private void append(double v, long k) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            keys[size] = v;
            counts[size] = k;
            size++;
        }

        private void rehash() {
            int[] oldSlots = slots;
            long[] oldBits = slotBits;
            slots = new int[oldSlots.length * 2];
            slotBits = new long[slots.length];
            int mask = slots.length - 1;
            for (int s = 0; s < oldSlots.length; s++) {
                if (oldSlots[s] != 0) {
                    int t = mix(oldBits[s]) & mask;
                    while (slots[t] != 0) {
                        t = (t + 1) & mask;
                    }
                    slots[t] = oldSlots[s];
                    slotBits[t] = oldBits[s];
                }
            }
        }

        private static int mix(long bits) {
            long h = bits * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        /**
         * The values and counts in the map Tribuo's {@code observe} builds: {@code new HashMap<>(4)}, two puts, then
         * {@code computeIfAbsent} for each later value, which resizes the table before it looks the value up whenever
         * the size is over the threshold. A bucket keeps insertion order across resizes, so the same insertions with
         * the same calls give the same table, and one more call on a present value ({@code calledAfterLast}: values
         * came after the last new one) makes a resize still due.
         */
        HashMap<Double, MutableLong> map(boolean calledAfterLast) {
            HashMap<Double, MutableLong> m = new HashMap<>(4);
            for (int i = 0; i < size; i++) {
                long c = counts[i];
                if (i < 2) {
                    m.put(keys[i], new MutableLong(c));
                } else {
                    m.computeIfAbsent(keys[i], k -> new MutableLong(c));
                }
            }
            if (calledAfterLast) {
                m.computeIfAbsent(keys[0], k -> new MutableLong(0));
            }
            return m;
        }
    }
}
