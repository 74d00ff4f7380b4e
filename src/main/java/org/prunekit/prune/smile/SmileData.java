package org.prunekit.prune.smile;

import java.util.ArrayList;
import java.util.List;
import org.prunekit.prune.DenseFeatures;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import smile.data.DataFrame;
import smile.data.vector.IntVector;

/**
 * A Tribuo dataset as dense arrays for Smile: {@code x[row][featureId]} by Tribuo feature id (absent features are 0),
 * {@code y[row]} the class index in {@code classes} (Tribuo output-id order).
 */
public record SmileData(double[][] x, int[] y, List<String> classes, String[] columns) {

    /** Name of the response column in {@link #frame(int[])}. */
    public static final String RESPONSE = "y";

    public static SmileData of(Dataset<Label> data) {
        ImmutableFeatureMap fmap = data.getFeatureIDMap();
        ImmutableOutputInfo<Label> out = data.getOutputIDInfo();
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            classes.add(out.getOutput(k).getLabel());
        }
        double[][] x = new double[data.size()][];
        int[] y = new int[data.size()];
        int r = 0;
        for (Example<Label> e : data) {
            x[r] = DenseFeatures.of(e, fmap);
            y[r] = out.getID(e.getOutput());
            r++;
        }
        String[] columns = new String[fmap.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = "x" + j;
        }
        return new SmileData(x, y, List.copyOf(classes), columns);
    }

    /** The class label of each posterior entry of a Smile classifier whose class codes are {@code codes}. */
    public List<String> labels(int[] codes) {
        List<String> labels = new ArrayList<>();
        for (int c : codes) {
            labels.add(classes.get(c));
        }
        return labels;
    }

    /** A Smile DataFrame of the given rows: columns {@code x0..x(p-1)} and the response {@code y}. */
    public DataFrame frame(int[] rows) {
        double[][] xs = new double[rows.length][];
        int[] ys = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = x[rows[i]];
            ys[i] = y[rows[i]];
        }
        return DataFrame.of(xs, columns).merge(IntVector.of(RESPONSE, ys));
    }
}
