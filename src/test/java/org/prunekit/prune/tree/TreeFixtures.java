package org.prunekit.prune.tree;

import java.util.stream.IntStream;
import org.prunekit.bench.CcpNestedCv;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

/** Small shared fixtures: breast cancer encoded, a CART tree grown on it. */
final class TreeFixtures {

    static final Table BREAST = TestData.table("breast_cancer_wisconsin.csv");

    private TreeFixtures() {}

    static int[] allRows(Table t) {
        return IntStream.range(0, t.rows()).toArray();
    }

    static MutableDataset<Label> encode(Table t, int[] fitRows, int[] rows) {
        return TableEncoder.fit(t, fitRows).encode(rows);
    }

    /** Sets each example's weight to n / (K · n_class) (scikit-learn's "balanced"). */
    static void balance(MutableDataset<Label> data) {
        CcpNestedCv.balance(data);
    }

    @SuppressWarnings("unchecked")
    static TreeModel<Label> cart(MutableDataset<Label> data, long seed) {
        return (TreeModel<Label>) CartFamily.Hyper.defaults().trainer(seed).train(data);
    }
}
