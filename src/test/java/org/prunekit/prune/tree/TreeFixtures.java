package org.prunekit.prune.tree;

import java.util.stream.IntStream;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

/** Small shared fixtures: breast cancer encoded, a CART tree grown on it. */
final class TreeFixtures {

    static final Table BREAST = TestData.table("breast_cancer_wisconsin.csv");

    private TreeFixtures() {
    }

    static int[] allRows(Table t) {
        return IntStream.range(0, t.rows()).toArray();
    }

    static MutableDataset<Label> encode(Table t, int[] fitRows, int[] rows) {
        return TableEncoder.fit(t, fitRows).encode(rows);
    }

    /** Sets each example's weight to n / (K · n_class) (scikit-learn's "balanced"). */
    static void balance(MutableDataset<Label> data) {
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        for (Example<Label> e : data) {
            count.merge(e.getOutput().getLabel(), 1, Integer::sum);
        }
        for (Example<Label> e : data) {
            e.setWeight((float) data.size() / (count.size() * count.get(e.getOutput().getLabel())));
        }
    }

    @SuppressWarnings("unchecked")
    static TreeModel<Label> cart(MutableDataset<Label> data, long seed) {
        return (TreeModel<Label>) CartFamily.Hyper.defaults().trainer(seed).train(data);
    }
}
