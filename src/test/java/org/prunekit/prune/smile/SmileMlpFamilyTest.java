package org.prunekit.prune.smile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.config.Registry;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.spi.Params;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class SmileMlpFamilyTest {

    @Test
    void smileMlpLearnsBreastCancerAndSurvivesJavaSerialization() throws Exception {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] train = IntStream.range(0, t.rows()).filter(r -> r % 4 != 0).toArray();
        int[] test = IntStream.range(0, t.rows()).filter(r -> r % 4 == 0).toArray();
        TableEncoder enc = TableEncoder.fit(t, train);
        MutableDataset<Label> tr = enc.encode(train);
        MutableDataset<Label> te = enc.encode(test);
        var family = Registry.families().get("smile-mlp");
        Model<Label> m = family.trainer(new Params("c.yaml", "model", Map.of("epochs", 20)), 1, Map.of())
                .train(tr);
        double acc = accuracy(m, te);
        assertTrue(acc > 0.9, "accuracy " + acc);
        assertEquals((30 + 1) * 64 + (64 + 1) * 32 + (32 + 1), family.size(m).parameters());
        var p = m.predict(te.getExample(0)).getOutputScores();
        assertEquals(1.0, p.get("B").getScore() + p.get("M").getScore(), 1e-9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            Model<Label> back = (Model<Label>) in.readObject();
            assertEquals(acc, accuracy(back, te), 0.0);
        }
    }

    private static double accuracy(Model<Label> m, MutableDataset<Label> d) {
        var preds = m.predict(d);
        return IntStream.range(0, d.size())
                        .filter(i -> preds.get(i)
                                .getOutput()
                                .getLabel()
                                .equals(d.getExample(i).getOutput().getLabel()))
                        .count()
                / (double) d.size();
    }
}
