package org.prunekit.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.prunekit.data.CsvTableReader;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.csv.CSVLoader;

/**
 * Rerunnable benchmark of {@link CsvTableReader} (strict, two passes, typed columns) against two baselines measured
 * in the same run: a naive one-pass Commons CSV read into {@code List<String[]>} (no checks, no types) and, on the
 * all-numeric file, Tribuo's {@code CSVLoader}. Prints the best of 5 wall times, the ratio to each baseline, and the
 * heap retained by the result. Run {@code bench/csv-read.sh} from the repository root.
 */
public final class CsvReadBench {

    private CsvReadBench() {}

    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    public static void main(String[] args) throws Exception {
        TRIBUO.setLevel(Level.WARNING);
        for (String f : new String[] {"data/fertility_census1980.csv", "data/synth50k.csv"}) {
            Path p = Path.of(f);
            double ours = best(() -> new CsvTableReader("class").read(p));
            double naive = best(() -> naive(p));
            long oursHeap = retained(() -> new CsvTableReader("class").read(p));
            long naiveHeap = retained(() -> naive(p));
            System.out.printf(
                    Locale.ROOT,
                    "%s (%.1f MB): ours %.0f ms, naive List<String[]> %.0f ms (ratio %.2f); "
                            + "retained heap ours %.1f MB, naive %.1f MB (ratio %.2f)%n",
                    p.getFileName(),
                    Files.size(p) / 1e6,
                    ours,
                    naive,
                    ours / naive,
                    oursHeap / 1e6,
                    naiveHeap / 1e6,
                    (double) oursHeap / naiveHeap);
            if (f.contains("synth")) {
                double tribuo = best(() -> new CSVLoader<>(new LabelFactory()).load(p, "class"));
                System.out.printf(
                        Locale.ROOT,
                        "%s: Tribuo CSVLoader %.0f ms (ours/tribuo %.2f)%n",
                        p.getFileName(),
                        tribuo,
                        ours / tribuo);
            }
        }
    }

    interface Task {
        Object run() throws Exception;
    }

    private static double best(Task t) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            Object o = t.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            if (o == null) {
                throw new IllegalStateException();
            }
        }
        return best;
    }

    private static long retained(Task t) throws Exception {
        gc();
        long before = used();
        Object keep = t.run();
        gc();
        long after = used();
        if (keep.hashCode() == 42) {
            System.out.print("");
        }
        return after - before;
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static List<String[]> naive(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.parse(in)) {
            for (CSVRecord r : parser) {
                rows.add(r.values());
            }
        }
        return rows;
    }
}
