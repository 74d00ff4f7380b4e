package org.prunekit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Small synthetic datasets and snapshots for the imbalance tests. */
public final class Datasets {

    private Datasets() {}

    /** Gaussian blobs, one per class, {@code counts[c]} rows of label {@code "c" + c}, d features. */
    public static MutableDataset<Label> blobs(int[] counts, int d, long seed) {
        Random rng = new Random(seed);
        List<double[]> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                double[] row = new double[d];
                for (int j = 0; j < d; j++) {
                    row[j] = 3 * c + rng.nextGaussian();
                }
                x.add(row);
                y.add("c" + c);
            }
        }
        return of(x, y);
    }

    public static MutableDataset<Label> of(List<double[]> x, List<String> y) {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("test", f), f);
        String[] names = new String[x.get(0).length];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format("f%02d", j);
        }
        for (int i = 0; i < x.size(); i++) {
            ds.add(new ArrayExample<>(new Label(y.get(i)), names, x.get(i).clone()));
        }
        return ds;
    }

    /** Label count per class, sorted by label. */
    public static Map<String, Integer> counts(Dataset<Label> ds) {
        Map<String, Integer> out = new TreeMap<>();
        for (Example<Label> ex : ds) {
            out.merge(ex.getOutput().getLabel(), 1, Integer::sum);
        }
        return out;
    }

    /** Feature values of an example by feature name, sorted. */
    public static Map<String, Double> features(Example<Label> ex) {
        Map<String, Double> out = new TreeMap<>();
        for (Feature f : ex) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    /** A value snapshot (label, weight, features) of every example, to detect mutation or compare runs. */
    public static List<String> snapshot(Dataset<Label> ds) {
        List<String> out = new ArrayList<>();
        for (Example<Label> ex : ds) {
            out.add(ex.getOutput().getLabel() + "|" + ex.getWeight() + "|" + features(ex));
        }
        return out;
    }
}
