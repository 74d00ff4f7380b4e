package org.prunekit.prune.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.prunekit.data.FeatureGroups;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;

/**
 * A Tribuo dataset as a dense {@link Problem}: columns in feature-ID order, classes sorted by name, example weights as
 * observation weights (so class weights set by the harness act as glmnet's {@code weights}).
 *
 * @param problem  the arrays
 * @param classes  class names, index order of {@code problem.y()}
 * @param features feature names in column (ID) order
 * @param groups   one-hot grouping detected on the data ({@link FeatureGroups#detect})
 */
public record TrainingData(Problem problem, List<String> classes, List<String> features, FeatureGroups groups) {

    public TrainingData {
        classes = List.copyOf(classes);
        features = List.copyOf(features);
    }

    public static TrainingData of(Dataset<Label> data) {
        // each loop over the rows is a method of its own, so that C2 compiles it alone (docs/results.md)
        ImmutableFeatureMap fmap = data.getFeatureIDMap();
        List<String> classes = classes(data);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training data has a single class: " + classes);
        }
        int n = data.size();
        int p = fmap.size();
        double[] x = new double[n * p];
        int[] y = new int[n];
        double[] w = new double[n];
        fill(data, fmap, classes, x, y, w);
        List<String> features = new ArrayList<>(p);
        double[][] cols = new double[p][];
        for (int j = 0; j < p; j++) {
            features.add(fmap.get(j).getName());
            cols[j] = Arrays.copyOfRange(x, j * n, (j + 1) * n);
        }
        return new TrainingData(
                new Problem(x, n, p, y, classes.size(), w), classes, features, FeatureGroups.detect(features, cols));
    }

    /** The class labels present, sorted. */
    private static List<String> classes(Dataset<Label> data) {
        TreeSet<String> names = new TreeSet<>();
        for (Example<Label> e : data) {
            names.add(e.getOutput().getLabel());
        }
        return new ArrayList<>(names);
    }

    /** Column-major features {@code x[id * n + i]}, class indices {@code y} and weights {@code w} of every row. */
    private static void fill(
            Dataset<Label> data, ImmutableFeatureMap fmap, List<String> classes, double[] x, int[] y, double[] w) {
        int n = y.length;
        int i = 0;
        for (Example<Label> e : data) {
            for (Feature f : e) {
                int id = fmap.getID(f.getName());
                if (id >= 0) {
                    x[id * n + i] = f.getValue();
                }
            }
            y[i] = classes.indexOf(e.getOutput().getLabel());
            w[i] = e.getWeight();
            i++;
        }
    }
}
