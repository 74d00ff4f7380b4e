package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.protocol.SizeMeter;
import org.prunekit.spi.Candidate;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.TreeModelAccess;
import org.tribuo.common.tree.TreeProtoCache;
import org.tribuo.common.tree.protos.TreeModelProto;

/** The cached serialization must be byte for byte Tribuo's own, for every subtree of a path (shared leaves). */
class TreeProtoCacheTest {

    @Test
    void everySubtreeSerializesToTribuosBytes() throws Exception {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        MutableDataset<Label> data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        TreeFixtures.balance(data); // leaves with fractional weights: non-trivial scores
        TreeModel<Label> model = TreeFixtures.cart(data, 3L);
        for (boolean merge : new boolean[] {false, true}) {
            TreePath path = new CostComplexityPruning(new CostComplexityPruning.Options(Impurity.GINI, merge))
                    .path(model, data, null);
            List<Candidate> cs = path.candidates();
            assertTrue(cs.size() > 5, "a path worth checking: " + cs.size());
            TreeProtoCache cache = new TreeProtoCache();
            // twice over, so the second pass serializes from cached leaves only
            for (int pass = 0; pass < 2; pass++) {
                for (int i = cs.size() - 1; i >= 0; i--) {
                    Model<Label> m = cs.get(i).model();
                    assertArrayEquals(
                            m.serialize().toByteArray(),
                            cache.serialize(m).toByteArray(),
                            "merge " + merge + " candidate " + i + " pass " + pass);
                }
            }
            Model<?> back =
                    Model.deserialize(cache.serialize(cs.get(cs.size() / 2).model()));
            assertTrue(back instanceof TreeModel);
            assertTrue(SizeMeter.bytes(cs.get(0).model(), cache::serialize)
                    .equals(SizeMeter.bytes(cs.get(0).model())));
        }
    }

    /**
     * The node list's size computed without serializing equals its share of Tribuo's own message: the
     * {@code TreeModelProto}'s size less its metadata field, for every subtree of a path, with leaves cached from an
     * earlier pass and not (a fresh cache per candidate), and for the one-leaf root.
     */
    @Test
    void nodeBytesEqualTheSerializedNodeList() throws Exception {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        MutableDataset<Label> data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        TreeFixtures.balance(data);
        TreeModel<Label> model = TreeFixtures.cart(data, 3L);
        List<Candidate> cs = new CostComplexityPruning(new CostComplexityPruning.Options(Impurity.GINI, false))
                .path(model, data, null)
                .candidates();
        assertTrue(cs.size() > 5, "a path worth checking: " + cs.size());
        TreeProtoCache shared = new TreeProtoCache();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < cs.size(); i++) {
                TreeModel<Label> m = (TreeModel<Label>) cs.get(i).model();
                TreeModelProto p = m.serialize().getSerializedData().unpack(TreeModelProto.class);
                long expected = p.getSerializedSize()
                        - CodedOutputStream.computeMessageSize(TreeModelProto.METADATA_FIELD_NUMBER, p.getMetadata());
                assertEquals(expected, shared.nodeBytes(m), "candidate " + i + " pass " + pass);
                assertEquals(expected, new TreeProtoCache().nodeBytes(m), "candidate " + i + ", fresh cache");
            }
        }
        assertTrue(((TreeModel<Label>) cs.get(cs.size() - 1).model()).getRoot().isLeaf(), "the path ends at a leaf");
    }

    /**
     * One cache over the paths of several trees (different rows, weighted and not): leaves of different trees that
     * share a cached leaf size (same labels, the same doubles zero or not) still give each tree's own node list size,
     * pure leaves (a score of 0) included.
     */
    @Test
    void nodeBytesShareLeafSizesAcrossTrees() throws Exception {
        int[] all = TreeFixtures.allRows(TreeFixtures.BREAST);
        TreeProtoCache shared = new TreeProtoCache();
        int pureLeaves = 0;
        for (int t = 0; t < 4; t++) {
            int skip = t;
            int[] rows = Arrays.stream(all).filter(r -> r % 4 != skip).toArray();
            MutableDataset<Label> data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
            if (t % 2 == 0) {
                TreeFixtures.balance(data);
            }
            TreeModel<Label> model = TreeFixtures.cart(data, t);
            pureLeaves += pureLeaves(model.getRoot());
            List<Candidate> cs = new CostComplexityPruning(CostComplexityPruning.Options.defaults())
                    .path(model, data, null)
                    .candidates();
            for (int i = 0; i < cs.size(); i++) {
                TreeModel<Label> m = (TreeModel<Label>) cs.get(i).model();
                TreeModelProto p = m.serialize().getSerializedData().unpack(TreeModelProto.class);
                long expected = p.getSerializedSize()
                        - CodedOutputStream.computeMessageSize(TreeModelProto.METADATA_FIELD_NUMBER, p.getMetadata());
                assertEquals(expected, shared.nodeBytes(m), "tree " + t + " candidate " + i);
            }
        }
        assertTrue(pureLeaves > 0, "some leaves hold one class only (a score of 0)");
    }

    /**
     * Hand-built trees whose node messages differ only in what their sizes depend on: split features 0 (not written),
     * 1 and 29 (one-byte varints), split values and impurities of 0.0 (not written), -0.0 and NaN (written), leaves
     * with scores and impurity 0 or not. One cache over all of them gives each tree's own node list size.
     */
    @Test
    void nodeBytesOfHandBuiltTreesWithZeroFields() throws Exception {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        MutableDataset<Label> data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        TreeModel<Label> trained = TreeFixtures.cart(data, 3L);
        double[] doubles = {0.0, -0.0, 0.5, Double.NaN, 1e300};
        int[] features = {0, 1, 29};
        TreeProtoCache shared = new TreeProtoCache();
        int trees = 0;
        for (int f : features) {
            for (double v : doubles) {
                for (double imp : doubles) {
                    Node<Label> right = leaf("B", v, imp);
                    Node<Label> left =
                            new SplitNode<>(imp, features[(f + 1) % 3], v, leaf("M", 0.0, 0.0), leaf("B", 1.0, v));
                    Node<Label> root = new SplitNode<>(v, f, imp, right, left);
                    TreeModel<Label> m = TreeModelAccess.create(
                            "t",
                            trained.getProvenance(),
                            trained.getFeatureIDMap(),
                            trained.getOutputIDInfo(),
                            true,
                            root);
                    TreeModelProto p = m.serialize().getSerializedData().unpack(TreeModelProto.class);
                    long expected = p.getSerializedSize()
                            - CodedOutputStream.computeMessageSize(
                                    TreeModelProto.METADATA_FIELD_NUMBER, p.getMetadata());
                    String what = "feature " + f + ", value " + v + ", impurity " + imp;
                    assertEquals(expected, shared.nodeBytes(m), what);
                    assertEquals(expected, new TreeProtoCache().nodeBytes(m), what + ", fresh cache");
                    trees++;
                }
            }
        }
        assertEquals(features.length * doubles.length * doubles.length, trees);
    }

    /** A leaf predicting {@code label} with score {@code p} (the other class {@code 1 - p}). */
    private static LeafNode<Label> leaf(String label, double p, double impurity) {
        String other = label.equals("M") ? "B" : "M";
        Map<String, Label> scores = new LinkedHashMap<>();
        scores.put(label, new Label(label, p));
        scores.put(other, new Label(other, 1 - p));
        return new LeafNode<>(impurity, new Label(label, p), scores, true);
    }

    /** Leaves below {@code n} with a class score of exactly 0. */
    private static int pureLeaves(Node<Label> n) {
        if (n instanceof SplitNode<Label> s) {
            return pureLeaves(s.getGreaterThan()) + pureLeaves(s.getLessThanOrEqual());
        }
        LeafNode<Label> leaf = (LeafNode<Label>) n;
        return leaf.getDistribution().values().stream().anyMatch(l -> l.getScore() == 0) ? 1 : 0;
    }

    @Test
    void otherModelsUseTheirOwnSerialization() {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        MutableDataset<Label> data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        Model<Label> dummy = DummyClassifierTrainer.createMostFrequentTrainer().train(data);
        assertArrayEquals(
                dummy.serialize().toByteArray(),
                new TreeProtoCache().serialize(dummy).toByteArray());
    }
}
