package org.prunekit.prune.linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** Shared test data: encoded bundled datasets as problems and Tribuo datasets. */
final class Fixtures {

    private Fixtures() {}

    static Problem problem(Table t, int[] rows) {
        TableEncoder enc = TableEncoder.fit(t, rows);
        int n = rows.length;
        int p = enc.featureNames().size();
        double[] x = new double[n * p];
        int[] all = t.classIndex();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] row = enc.row(rows[i]);
            for (int j = 0; j < p; j++) {
                x[j * n + i] = row[j];
            }
            y[i] = all[rows[i]];
        }
        return Problem.of(x, n, p, y, t.classes().size());
    }

    static int[] allRows(Table t) {
        return IntStream.range(0, t.rows()).toArray();
    }

    /** At most {@code perClass} rows of each class, drawn with a fixed seed, sorted. */
    static int[] stratifiedSample(Table t, int perClass, long seed) {
        int[] y = t.classIndex();
        Random rng = new Random(seed);
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < t.classes().size(); c++) {
            final int cc = c;
            List<Integer> rows = new ArrayList<>(
                    IntStream.range(0, y.length).filter(i -> y[i] == cc).boxed().toList());
            Collections.shuffle(rows, rng);
            out.addAll(rows.subList(0, Math.min(perClass, rows.size())));
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static MutableDataset<Label> dataset(String file) {
        Table t = TestData.table(file);
        int[] rows = allRows(t);
        return TableEncoder.fit(t, rows).encode(rows);
    }
}
