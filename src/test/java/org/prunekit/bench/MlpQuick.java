package org.prunekit.bench;

import java.util.List;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.nn.*;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

public class MlpQuick {
    public static void main(String[] a) {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] test = org.prunekit.testing.ReferenceCases.ints(org.prunekit.testing.ReferenceCases.read(java.nio.file.Path.of("src/test/resources/reference/mlp/breast_cancer_torch.json")).get("test_rows"));
        java.util.Set<Integer> ts = new java.util.HashSet<>(); for (int r : test) ts.add(r);
        int[] train = java.util.stream.IntStream.range(0, t.rows()).filter(r -> !ts.contains(r)).toArray();
        TableEncoder enc = TableEncoder.fit(t, train);
        MutableDataset<Label> tr = enc.encode(train), te = enc.encode(test);
        MlpParams p = new MlpParams(new int[]{64,32}, Activation.RELU, MlpParams.Optimizer.ADAM, 1e-2, 0.9, 300, 0, 0, 0, 0, 0.1, null);
        for (int s = 0; s < 5; s++) {
            long t0 = System.nanoTime();
            MlpModel m = new MlpTrainer(p, s).train(tr);
            long t1 = System.nanoTime();
            var preds = m.predict(te);
            int ok = 0; for (int i = 0; i < preds.size(); i++) if (preds.get(i).getOutput().getLabel().equals(te.getExample(i).getOutput().getLabel())) ok++;
            System.out.printf("seed %d acc %.4f time %.3f s%n", s, ok / (double) preds.size(), (t1 - t0) / 1e9);
        }
    }
}
