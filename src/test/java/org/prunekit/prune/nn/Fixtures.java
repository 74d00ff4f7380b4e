package org.prunekit.prune.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.TestData;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Small datasets and settings for the nn tests. */
final class Fixtures {

    private Fixtures() {}

    /** Full-batch Adam, no early stopping: fast and deterministic. */
    static MlpParams fast(int epochs) {
        return new MlpParams(
                new int[] {16, 8},
                Activation.RELU,
                MlpParams.Optimizer.ADAM,
                1e-2,
                0.9,
                epochs,
                0,
                0.0,
                0.0,
                0,
                0.1,
                7L);
    }

    /** Two Gaussian classes in 6 dimensions, separated along the first two; {@code weightA} on class a. */
    static MutableDataset<Label> blobs(int n, long seed, float weightA) {
        LabelFactory f = new LabelFactory();
        SplittableRandom rng = new SplittableRandom(seed);
        String[] names = {"f0", "f1", "f2", "f3", "f4", "f5"};
        List<Example<Label>> ex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean a = i % 3 != 0;
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = gauss(rng) * (j < 2 ? 1.0 : 3.0) + 100.0 * j;
            }
            x[0] += a ? 1.5 : -1.5;
            x[1] += a ? -1.5 : 1.5;
            ArrayExample<Label> e = new ArrayExample<>(f.generateOutput(a ? "a" : "b"), names, x);
            if (a) {
                e.setWeight(weightA);
            }
            ex.add(e);
        }
        return new MutableDataset<>(new ListDataSource<>(ex, f, new SimpleDataSourceProvenance("blobs", f)));
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Breast cancer: [0] = train (every row but each 4th), [1] = test. */
    static List<MutableDataset<Label>> breastCancer() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] train = IntStream.range(0, t.rows()).filter(r -> r % 4 != 0).toArray();
        int[] test = IntStream.range(0, t.rows()).filter(r -> r % 4 == 0).toArray();
        TableEncoder enc = TableEncoder.fit(t, train);
        return List.of(enc.encode(train), enc.encode(test));
    }

    static double accuracy(Model<Label> m, Dataset<Label> data) {
        var preds = m.predict(data);
        int ok = 0;
        for (int i = 0; i < preds.size(); i++) {
            if (preds.get(i)
                    .getOutput()
                    .getLabel()
                    .equals(data.getExample(i).getOutput().getLabel())) {
                ok++;
            }
        }
        return ok / (double) preds.size();
    }

    /** A random network with all masks live. */
    static MlpNet randomNet(long seed, int... widths) {
        return MlpNet.initial(widths, Activation.RELU, new SplittableRandom(seed));
    }

    static int pruned(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (!b) {
                n++;
            }
        }
        return n;
    }
}
