package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.testing.TestData;
import org.tribuo.CategoricalInfo;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** {@link EncodedDataset} builds the dataset Tribuo's own constructor builds from the same rows. */
class EncodedDatasetTest {

    /** Tribuo's public path, as {@link TableEncoder#encode} used it: every feature of every row through add. */
    private static MutableDataset<Label> tribuo(MutableDataset<Label> d) {
        List<Example<Label>> rows = new ArrayList<>(d.getData());
        var provenance = (SimpleDataSourceProvenance) d.getSourceProvenance();
        return new MutableDataset<>(new ListDataSource<>(rows, new LabelFactory(), provenance));
    }

    private static void assertSameDataset(MutableDataset<Label> expected, MutableDataset<Label> actual, String what) {
        assertSame(MutableDataset.class, actual.getClass(), what);
        assertEquals(expected.getProvenance(), actual.getProvenance(), what + ": provenance");
        assertEquals(expected.getSourceProvenance(), actual.getSourceProvenance(), what);
        assertEquals(expected.isDense(), actual.isDense(), what + ": density");
        assertEquals(expected.getData(), actual.getData(), what + ": rows");
        assertEquals(
                expected.getOutputInfo().toReadableString(),
                actual.getOutputInfo().toReadableString(),
                what);
        assertEquals(expected.getFeatureMap().keySet(), actual.getFeatureMap().keySet(), what + ": feature names");
        for (VariableInfo e : expected.getFeatureMap()) {
            VariableInfo a = actual.getFeatureMap().get(e.getName());
            assertSame(e.getClass(), a.getClass(), what + ": " + e.getName());
            assertEquals(e.getCount(), a.getCount(), what + ": " + e.getName());
            if (e instanceof RealInfo r) { // mean and variance bit for bit: same values summed in the same order
                RealInfo ra = (RealInfo) a;
                assertEquals(r.getMin(), ra.getMin(), 0.0, e.getName());
                assertEquals(r.getMax(), ra.getMax(), 0.0, e.getName());
                assertEquals(Double.doubleToRawLongBits(r.getMean()), Double.doubleToRawLongBits(ra.getMean()));
                assertEquals(Double.doubleToRawLongBits(r.getVariance()), Double.doubleToRawLongBits(ra.getVariance()));
            } else {
                assertArrayEquals(((CategoricalInfo) e).getValues(), ((CategoricalInfo) a).getValues(), e.getName());
                for (double v : ((CategoricalInfo) e).getValues()) {
                    assertEquals(
                            ((CategoricalInfo) e).getObservationCount(v),
                            ((CategoricalInfo) a).getObservationCount(v),
                            e.getName() + " = " + v);
                }
            }
        }
        assertEquals(
                expected.getFeatureIDMap().serialize(), actual.getFeatureIDMap().serialize(), what);
        assertEquals(
                expected.getOutputIDInfo().serialize(), actual.getOutputIDInfo().serialize(), what);
    }

    @Test
    void sameDatasetAsTribuosConstructorOnRealTables() {
        assertTrue(EncodedDataset.bulk(), "Tribuo's bulk constructor found (else every dataset takes the slow path)");
        Random rnd = new Random(11);
        for (String file : List.of(
                "german_credit.csv",
                "pima_diabetes.csv",
                "credit_scoring.csv",
                "lending_club.csv",
                "coil2000_caravan.csv")) {
            Table t = TestData.table(file);
            for (boolean indicators : new boolean[] {false, true}) {
                int[] rows = IntStream.range(0, t.rows())
                        .filter(r -> rnd.nextDouble() < 0.7)
                        .toArray();
                TableEncoder enc = TableEncoder.fit(t, rows, indicators);
                MutableDataset<Label> d = enc.encode(rows);
                assertSameDataset(tribuo(d), d, file + (indicators ? " with indicators" : ""));
            }
        }
    }

    /** Numeric columns past Tribuo's 50 distinct values turn into RealInfo; one-hot columns stay categorical. */
    @Test
    void coversBothKindsOfFeatureStatistics() {
        Table t = TestData.table("german_credit.csv");
        int[] rows = IntStream.range(0, t.rows()).toArray();
        MutableDataset<Label> d = TableEncoder.fit(t, rows).encode(rows);
        long real = 0;
        long categorical = 0;
        for (VariableInfo v : d.getFeatureMap()) {
            if (v instanceof RealInfo) {
                real++;
            } else {
                categorical++;
            }
        }
        assertTrue(real > 0 && categorical > 0, real + " real, " + categorical + " categorical");
        assertSameDataset(tribuo(d), d, "german_credit, all rows");
    }

    @Test
    void noRowsAndRefusedRowsAsTribuo() {
        Table t = TestData.table("pima_diabetes.csv");
        MutableDataset<Label> empty = TableEncoder.fit(t, new int[] {0, 1, 2}).encode(new int[0]);
        assertEquals(0, empty.size());
        assertSameDataset(tribuo(empty), empty, "no rows");

        LabelFactory f = new LabelFactory();
        String[] names = {"a", "b"};
        double[][] values = {{1, Double.NaN}};
        List<Example<Label>> rows = List.of(new SortedNamesExample(f.generateOutput("y"), names, values[0]));
        var provenance = new SimpleDataSourceProvenance("x", f);
        IllegalArgumentException ours = assertThrows(
                IllegalArgumentException.class,
                () -> EncodedDataset.of(rows, names, NonZeroColumns.of(values, names.length), provenance, f));
        IllegalArgumentException theirs = assertThrows(
                IllegalArgumentException.class, () -> new MutableDataset<>(new ListDataSource<>(rows, f, provenance)));
        assertEquals(theirs.getMessage(), ours.getMessage());
    }
}
