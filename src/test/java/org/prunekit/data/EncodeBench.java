package org.prunekit.data;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Benchmark of a training part's encoding ({@link TableEncoder#fit} then {@link TableEncoder#encode}, what every fit
 * of a study starts with) against the same encoder's rows put into a dataset by Tribuo's own constructor (every
 * feature of every row through {@code MutableDataset.add}, what {@code encode} did before {@link EncodedDataset}).
 * Each repeat draws 80 % of the rows, then runs both, alternating which goes first, so both meet the same heap (the
 * first pass over fresh heap pages is slow on a virtual machine: page faults); prints the median thread CPU of each
 * and the ratio. In this package because {@link EncodedDataset} is internal.
 *
 * <p>Usage: {@code bench/encode.sh [repeats] CSV...}.
 */
public final class EncodeBench {

    private EncodeBench() {}

    public static void main(String[] args) {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        int reps = Integer.parseInt(args[0]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String csv : Arrays.copyOfRange(args, 1, args.length)) {
            Table t = new CsvTableReader("class").read(Path.of(csv));
            Random rnd = new Random(42);
            double[] ours = new double[reps];
            double[] tribuo = new double[reps];
            int width = 0;
            for (int r = -10; r < reps; r++) { // ten untimed rounds first (JIT, heap)
                int[] rows = IntStream.range(0, t.rows())
                        .filter(i -> rnd.nextDouble() < 0.8)
                        .toArray();
                for (int k = 0; k < 2; k++) {
                    boolean oursNow = (k == 0) == (r % 2 == 0);
                    long c0 = mx.getCurrentThreadCpuTime();
                    MutableDataset<Label> d = oursNow ? ours(t, rows) : tribuo(t, rows);
                    double s = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                    width = d.getFeatureMap().size();
                    if (r >= 0) {
                        (oursNow ? ours : tribuo)[r] = s;
                    }
                }
            }
            double o = median(ours);
            double b = median(tribuo);
            System.out.printf(
                    Locale.ROOT,
                    "%s (%d rows x 80 %%, %d features): fit + encode %.2f ms; with Tribuo's constructor %.2f ms;"
                            + " ratio %.2f (median thread CPU of %d)%n",
                    Path.of(csv).getFileName(),
                    t.rows(),
                    width,
                    o * 1e3,
                    b * 1e3,
                    o / b,
                    reps);
        }
    }

    private static MutableDataset<Label> ours(Table t, int[] rows) {
        return TableEncoder.fit(t, rows).encode(rows);
    }

    /** The same encoder and examples as {@code encode}'s, added by Tribuo's constructor. */
    private static MutableDataset<Label> tribuo(Table t, int[] rows) {
        TableEncoder.Examples e = TableEncoder.fit(t, rows).examples(rows);
        var provenance = new SimpleDataSourceProvenance(t.source(), e.factory());
        return new MutableDataset<>(new ListDataSource<>(e.rows(), e.factory(), provenance));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
