package org.prunekit.prune.smile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.config.Registry;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

class SmileCartFamilyTest {

    @Test
    void smileCartPredictsBreastCancerWithProbabilities() throws Exception {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        Fold f = StratifiedSplits.holdout(t.classIndex(), 0.3, 5L);
        TableEncoder enc = TableEncoder.fit(t, f.train());
        MutableDataset<Label> train = enc.encode(f.train());
        MutableDataset<Label> test = enc.encode(f.test());
        var family = Registry.families().get("smile-cart");
        Model<Label> pruned = family.trainer(Params.empty(), 1L, Map.of()).train(train);
        Model<Label> full = family.trainer(
                        new Params("t.yaml", "arms[0].model", Map.of("prune-fraction", 0.0)), 1L, Map.of())
                .train(train);
        for (Model<Label> m : List.of(pruned, full)) {
            List<Prediction<Label>> preds = m.predict(test);
            long right = 0;
            for (int i = 0; i < preds.size(); i++) {
                right += preds.get(i)
                                .getOutput()
                                .getLabel()
                                .equals(test.getExample(i).getOutput().getLabel())
                        ? 1
                        : 0;
            }
            assertTrue(right > 0.85 * preds.size(), "accuracy " + right + "/" + preds.size());
            double[][] p = Probabilities.of(m, test, List.of("B", "M"));
            assertEquals(1.0, p[0][0] + p[0][1], 1e-12);
            var size = family.size(m);
            double leaves = size.details().get("leaves");
            assertEquals(2 * (leaves - 1) + 2 * leaves, size.parameters());
        }
        assertTrue(
                family.size(pruned).details().get("leaves")
                        <= family.size(full).details().get("leaves") + 2,
                "pruning on held-out rows gives a tree no larger than the unpruned one (up to the smaller fit set)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pruned);
        }
        @SuppressWarnings("unchecked")
        Model<Label> back =
                (Model<Label>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertEquals(
                Probabilities.of(pruned, test, List.of("B", "M"))[3][1],
                Probabilities.of(back, test, List.of("B", "M"))[3][1]);
    }

    @Test
    void weightsAndBadConfigAreRejected() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, 100).toArray();
        MutableDataset<Label> d = TableEncoder.fit(t, rows).encode(rows);
        d.getExample(0).setWeight(2f);
        var family = Registry.families().get("smile-cart");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> family.trainer(Params.empty(), 1L, Map.of())
                        .train(d));
        assertTrue(e.getMessage().contains("weight"));
        ConfigException c = assertThrows(
                ConfigException.class,
                () -> family.trainer(new Params("x.yaml", "arms[1].model", Map.of("node-size", 0)), 1L, Map.of()));
        assertTrue(c.getMessage().contains("arms[1].model.node-size"), c.getMessage());
    }
}
