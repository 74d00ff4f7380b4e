package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** {@link SortedNamesExample} is Tribuo's {@link ArrayExample}, built faster from sorted names. */
class SortedNamesExampleTest {

    private static final Label Y = new Label("y");

    private static List<String> features(Example<Label> e) {
        List<String> out = new ArrayList<>();
        for (Feature f : e) {
            out.add(f.getName() + "=" + Double.doubleToRawLongBits(f.getValue()));
        }
        return out;
    }

    @Test
    void sameExampleAsTribuosFromAnyOrderOfNames() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int p = 1 + rnd.nextInt(40);
            String[] names = IntStream.range(0, p)
                    .mapToObj(i -> "f" + rnd.nextInt(1000) + "_" + i)
                    .toArray(String[]::new);
            double[] values = rnd.doubles(p).map(v -> v < 0.1 ? -0.0 : v - 0.5).toArray();
            ArrayExample<Label> tribuo = new ArrayExample<>(Y, names, values);
            // the names as an encoder hands them (sorted, values permuted to match) and as they come (any order)
            Integer[] order = new Integer[p];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
            String[] sortedNames = Arrays.stream(order).map(i -> names[i]).toArray(String[]::new);
            double[] sortedValues =
                    Arrays.stream(order).mapToDouble(i -> values[i]).toArray();
            for (SortedNamesExample e : List.of(
                    new SortedNamesExample(Y, sortedNames, sortedValues),
                    new SortedNamesExample(Y, names, values),
                    new SortedNamesExample(Y, new SortedNamesExample.Names(sortedNames), sortedValues.clone()),
                    new SortedNamesExample(Y, new SortedNamesExample.Names(names), values.clone()))) {
                assertEquals(features(tribuo), features(e));
                assertEquals(tribuo, e);
                assertTrue(e.validateExample());
            }
        }
    }

    @Test
    void validatesAsTribuoDoes() {
        String[][] names = {{}, {"a"}, {"a", "b"}, {"a", "a"}, {"b", "a", "a"}, {"a", "b", "c"}};
        double[][] values = {{}, {Double.NaN}, {1, Double.POSITIVE_INFINITY}, {1, 2}, {1, 2, 3}, {0, Double.NaN, 1}};
        for (int i = 0; i < names.length; i++) {
            ArrayExample<Label> tribuo = new ArrayExample<>(Y, names[i], values[i]);
            assertEquals(
                    tribuo.validateExample(),
                    new SortedNamesExample(Y, names[i], values[i]).validateExample(),
                    Arrays.toString(names[i]) + " " + Arrays.toString(values[i]));
            assertEquals(
                    tribuo.validateExample(),
                    new SortedNamesExample(Y, new SortedNamesExample.Names(names[i]), values[i].clone())
                            .validateExample(),
                    "names checked once: " + Arrays.toString(names[i]) + " " + Arrays.toString(values[i]));
        }
        assertFalse(new SortedNamesExample(Y, new String[] {"a", "a"}, new double[] {1, 2}).validateExample());
    }

    @Test
    void densifyInsertsMissingNamesInOrderAsTribuoDoes() {
        ArrayExample<Label> tribuo = new ArrayExample<>(Y, new String[] {"b", "d"}, new double[] {2, 4});
        SortedNamesExample ours = new SortedNamesExample(Y, new String[] {"b", "d"}, new double[] {2, 4});
        tribuo.densify(List.of("a", "b", "c", "d", "e"));
        ours.densify(List.of("a", "b", "c", "d", "e"));
        assertEquals(features(tribuo), features(ours));
        assertEquals(
                List.of("a", "b", "c", "d", "e"),
                features(ours).stream().map(s -> s.split("=")[0]).toList());
    }

    /** The order found at construction is found again after every change that can unsort the names. */
    @Test
    void addingNamesValidatesAsTribuoDoes() {
        for (String added : List.of("a", "c", "e", "b")) {
            ArrayExample<Label> tribuo = new ArrayExample<>(Y, new String[] {"b", "d"}, new double[] {2, 4});
            SortedNamesExample ours = new SortedNamesExample(Y, new String[] {"b", "d"}, new double[] {2, 4});
            tribuo.add(new Feature(added, 1));
            ours.add(new Feature(added, 1));
            assertEquals(features(tribuo), features(ours), added);
            assertEquals(tribuo.validateExample(), ours.validateExample(), added);
        }
        SortedNamesExample dup = new SortedNamesExample(Y, new String[] {"b", "d"}, new double[] {2, 4});
        dup.add(new Feature("b", 1));
        assertFalse(dup.validateExample(), "a name twice");
        dup.removeFeatures(List.of(new Feature("b", 1)));
        assertEquals(
                new ArrayExample<>(Y, new String[] {"d"}, new double[] {4}).validateExample(), dup.validateExample());
    }

    /** Interning is skipped: the names stay equal to the feature map's (only their instances could differ). */
    @Test
    void canonicalizeKeepsTheNames() {
        MutableDataset<Label> d = TableEncoder.fit(TestData.table("german_credit.csv"), new int[] {0, 1, 2, 3})
                .encode(new int[] {0, 1, 2, 3});
        Example<Label> e = d.getExample(2);
        List<String> before = features(e);
        e.canonicalize(d.getFeatureMap());
        assertEquals(before, features(e));
        for (Feature f : e) {
            assertTrue(d.getFeatureMap().get(f.getName()) != null, f.getName());
        }
    }

    /** A training part encoded as before (Tribuo's ArrayExample per row): the same examples and feature statistics. */
    @Test
    void encodedDatasetIsTheOneTribuosExamplesGive() {
        for (String file : List.of("german_credit.csv", "breast_cancer_wisconsin.csv")) {
            Table t = TestData.table(file);
            int[] rows = IntStream.range(0, t.rows()).filter(r -> r % 3 != 0).toArray();
            TableEncoder enc = TableEncoder.fit(t, rows);
            MutableDataset<Label> ours = enc.encode(rows);
            MutableDataset<Label> tribuo = new MutableDataset<>(ours.getProvenance(), ours.getOutputFactory());
            String[] names = enc.featureNames().toArray(String[]::new);
            for (int r : rows) {
                tribuo.add(new ArrayExample<>(new Label(t.label(r)), names, enc.row(r)));
            }
            assertEquals(tribuo.size(), ours.size(), file);
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(tribuo.getExample(i), ours.getExample(i), file + " row " + i);
            }
            assertEquals(tribuo.getFeatureMap().size(), ours.getFeatureMap().size(), file);
            for (VariableInfo v : tribuo.getFeatureMap()) {
                assertEquals(v.toString(), ours.getFeatureMap().get(v.getName()).toString(), file);
            }
            assertEquals(
                    tribuo.getOutputInfo().toReadableString(),
                    ours.getOutputInfo().toReadableString(),
                    file);
        }
    }
}
