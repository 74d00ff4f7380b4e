package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.protos.core.WeightedEnsembleModelProto;
import org.tribuo.util.onnx.ONNXNode;

/**
 * A Tribuo {@link WeightedEnsembleModel} of CART members (random forest, AdaBoost, or either after {@code tree-drop})
 * as one {@code TreeEnsembleRegressor} holding every member's tree. With member weights {@code w_m}:
 * <ul>
 *   <li>{@link FullyWeightedVotingCombiner} (soft vote): a leaf adds {@code w_m p_leaf(k) / Σ w}, so the sum is
 *       Tribuo's {@code Σ_m w_m p_m(k) / Σ_m w_m};</li>
 *   <li>{@link VotingCombiner} (weighted hard vote): a leaf adds {@code w_m / Σ w} to its predicted class; AdaBoost
 *       weights can be negative, so the votes are then clipped at 0 and renormalised as prunekit reads any
 *       model's scores.</li>
 * </ul>
 * Each member keeps its own feature ids, mapped to the feature matrix by name. Dropped members are absent.
 */
record ForestGraph(WeightedEnsembleModel<Label> model) implements ModelGraph {

    @Override
    public Scores probabilities(Features features, List<String> classes) {
        WeightedEnsembleModelProto proto;
        try {
            proto = model.serialize().getSerializedData().unpack(WeightedEnsembleModelProto.class);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot read the ensemble's weights: " + e.getMessage(), e);
        }
        String combiner = proto.getCombiner().getClassName();
        boolean soft = combiner.equals(FullyWeightedVotingCombiner.class.getName());
        if (!soft && !combiner.equals(VotingCombiner.class.getName())) {
            throw new IllegalArgumentException("no ONNX translation for ensemble combiner " + combiner);
        }
        List<Model<Label>> members = model.getModels();
        double total = 0;
        for (int m = 0; m < members.size(); m++) {
            total += proto.getWeights(m);
        }
        TreeEnsemble e = new TreeEnsemble();
        for (int m = 0; m < members.size(); m++) {
            if (!(members.get(m) instanceof TreeModel<Label> tree)) {
                throw new IllegalArgumentException("no ONNX translation for ensemble member "
                        + members.get(m).getClass().getSimpleName());
            }
            double scale = proto.getWeights(m) / total;
            TribuoTrees.add(
                    e,
                    tree,
                    features.columnsOf(tree.getFeatureIDMap()),
                    soft
                            ? leaf -> TribuoTrees.distribution(leaf, classes, scale)
                            : leaf -> TribuoTrees.vote(leaf, classes, scale));
        }
        ONNXNode sums =
                e.scores(features.matrix(), classes.size(), new double[classes.size()], TreeEnsemble.Precision.DOUBLE);
        return new Scores(soft ? sums : Tensors.clipNormalise(sums), DataType.FLOAT);
    }
}
