package org.prunekit.data.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.data.Column;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.Datasets;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** SMOTE's synthetic points, checked against an exact brute-force neighbour search written here. */
class SmoteTest {

    /** d = 4 uses the KD-tree, d = 9 the linear scan (see {@link Smote#KD_TREE_MAX_DIMENSION}). */
    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {4, 9})
    void syntheticPointsLieOnSegmentsBetweenSameClassNearestNeighbours(int d) {
        int k = 3;
        MutableDataset<Label> in = Datasets.blobs(new int[] {60, 12, 4}, d, 5);
        MutableDataset<Label> out = new Smote(k, 1.0).resample(in, 9);
        List<double[]> x = vectors(in);
        List<String> y = labels(in);
        int synthetic = 0;
        for (int i = in.size(); i < out.size(); i++) {
            Example<Label> ex = out.getExample(i);
            double[] p = vector(ex);
            String label = ex.getOutput().getLabel();
            assertTrue(
                    onNeighbourSegment(p, label, x, y, k),
                    "synthetic point " + i + " (" + label + ") is on no segment between a member and one of its " + k
                            + " nearest same-class neighbours");
            synthetic++;
        }
        assertEquals((60 - 12) + (60 - 4), synthetic);
    }

    @Test
    void aClassWithOneMemberIsDuplicated() {
        MutableDataset<Label> in = Datasets.blobs(new int[] {6, 1}, 2, 3);
        MutableDataset<Label> out = Smote.defaults().resample(in, 1);
        double[] only = vector(in.getExample(6));
        for (int i = in.size(); i < out.size(); i++) {
            assertEquals("c1", out.getExample(i).getOutput().getLabel());
            assertEquals(
                    List.of(only[0], only[1]), List.of(vector(out.getExample(i))[0], vector(out.getExample(i))[1]));
        }
        assertEquals(Map.of("c0", 6, "c1", 6), Datasets.counts(out));
    }

    @Test
    void oneHotGroupsStayValidOneHotVectorsOfAParentLevel() {
        Table t = TestData.table("german_credit.csv");
        int[] rows = IntStream.range(0, t.rows()).toArray();
        TableEncoder enc = TableEncoder.fit(t, rows);
        MutableDataset<Label> in = enc.encode(rows);
        MutableDataset<Label> out = Smote.defaults().resample(in, 2);
        assertEquals(Map.of("bad", 700, "good", 700), Datasets.counts(out));
        List<String> categorical = t.columns().stream()
                .filter(c -> c instanceof Column.Categorical)
                .map(Column::name)
                .toList();
        assertTrue(categorical.size() >= 10, "german credit has categorical columns");
        for (int i = in.size(); i < out.size(); i++) {
            Map<String, Double> f = Datasets.features(out.getExample(i));
            for (String col : categorical) {
                double sum = 0;
                for (Map.Entry<String, Double> e : f.entrySet()) {
                    if (e.getKey().startsWith(col + "_")) {
                        assertTrue(e.getValue() == 0.0 || e.getValue() == 1.0, e.getKey() + " = " + e.getValue());
                        sum += e.getValue();
                    }
                }
                assertEquals(1.0, sum, 0.0, "one-hot group " + col + " of synthetic example " + i);
            }
        }
    }

    @Test
    void indicatorColumnsAreExactlyTheZeroOneColumns() {
        double[][] x = {{0, 0.5, 1, 2}, {1, 1, 0, 0}, {0, 0, 1, 1}};
        boolean[] ind = Smote.indicatorColumns(x, 4);
        assertEquals(List.of(true, false, true, false), List.of(ind[0], ind[1], ind[2], ind[3]));
        double[] v = Smote.interpolate(x[0], x[1], 0.25, ind);
        assertEquals(List.of(0.0, 0.625, 1.0, 1.5), List.of(v[0], v[1], v[2], v[3]));
        v = Smote.interpolate(x[0], x[1], 0.75, ind);
        assertEquals(List.of(1.0, 0.875, 0.0, 0.5), List.of(v[0], v[1], v[2], v[3]));
    }

    private static boolean onNeighbourSegment(double[] p, String label, List<double[]> x, List<String> y, int k) {
        List<Integer> same = IntStream.range(0, x.size())
                .filter(i -> y.get(i).equals(label))
                .boxed()
                .toList();
        int kk = Math.min(k, same.size() - 1);
        for (int a : same) {
            List<Integer> others = new ArrayList<>(same);
            others.remove(Integer.valueOf(a));
            others.sort(Comparator.comparingDouble((Integer b) -> dist(x.get(a), x.get(b)))
                    .thenComparingInt(b -> b));
            for (int b : others.subList(0, kk)) {
                if (onSegment(p, x.get(a), x.get(b))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** p = a + g (b − a) for one g in [0, 1], to 1e-9. */
    private static boolean onSegment(double[] p, double[] a, double[] b) {
        double g = Double.NaN;
        for (int j = 0; j < p.length; j++) {
            double d = b[j] - a[j];
            if (Math.abs(d) > 1e-12) {
                g = (p[j] - a[j]) / d;
                break;
            }
        }
        if (Double.isNaN(g)) {
            g = 0;
        }
        if (g < -1e-9 || g > 1 + 1e-9) {
            return false;
        }
        for (int j = 0; j < p.length; j++) {
            if (Math.abs(a[j] + g * (b[j] - a[j]) - p[j]) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }

    private static double[] vector(Example<Label> ex) {
        return Datasets.features(ex).values().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    private static List<double[]> vectors(MutableDataset<Label> ds) {
        List<double[]> out = new ArrayList<>();
        ds.forEach(ex -> out.add(vector(ex)));
        return out;
    }

    private static List<String> labels(MutableDataset<Label> ds) {
        List<String> out = new ArrayList<>();
        ds.forEach(ex -> out.add(ex.getOutput().getLabel()));
        return out;
    }
}
