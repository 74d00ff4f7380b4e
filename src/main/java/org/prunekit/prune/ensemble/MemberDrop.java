package org.prunekit.prune.ensemble;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.prunekit.eval.Probabilities;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.PruningPath;
import org.prunekit.spi.SimplePath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.protos.ProtoUtil;
import org.tribuo.protos.core.WeightedEnsembleModelProto;

/**
 * {@code tree-drop} on a Tribuo {@link WeightedEnsembleModel} (random forest, bagging, AdaBoost): the same nested
 * strategies choose members instead of rounds. Member {@code m} contributes {@code w_m · s_m(x)} to the class score
 * sums, where {@code s_m} is its one-hot vote ({@link VotingCombiner}) or its class distribution
 * ({@link FullyWeightedVotingCombiner}); the ensemble's probabilities are the normalised sums ({@link MeanLogLoss},
 * {@link MetricObjective.Link#NORMALISE}).
 * Kept members are rebuilt into a new ensemble with {@code WeightedEnsembleModel.createEnsembleFromExistingModels},
 * same combiner, same weights; Tribuo ensembles need two members, so sizes below 2 are skipped. {@code lasso} is
 * for boosted models only.
 */
final class MemberDrop {

    private MemberDrop() {}

    static PruningPath path(WeightedEnsembleModel<Label> model, Dataset<Label> rows, TreeDropParams params, long seed) {
        if (params.strategy().equals("lasso")) {
            throw new IllegalArgumentException("strategy lasso re-weights boosting rounds; use it with family xgboost");
        }
        WeightedEnsembleModelProto proto;
        try {
            proto = model.serialize().getSerializedData().unpack(WeightedEnsembleModelProto.class);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot read the ensemble's combiner and weights", e);
        }
        @SuppressWarnings("unchecked")
        EnsembleCombiner<Label> combiner = (EnsembleCombiner<Label>) ProtoUtil.deserialize(proto.getCombiner());
        boolean votes = combiner instanceof VotingCombiner;
        if (!votes && !(combiner instanceof FullyWeightedVotingCombiner)) {
            throw new IllegalArgumentException(
                    "unsupported combiner " + combiner.getClass().getSimpleName());
        }
        List<Model<Label>> members = model.getModels();
        float[] weights = new float[members.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = proto.getWeightsCount() == 0 ? 1f : proto.getWeights(i);
        }
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < model.getOutputIDInfo().size(); k++) {
            classes.add(model.getOutputIDInfo().getOutput(k).getLabel());
        }
        int n = rows.size();
        int k = classes.size();
        float[][] c = new float[members.size()][];
        for (int m = 0; m < c.length; m++) {
            c[m] = new float[n * k];
            List<Prediction<Label>> preds = members.get(m).predict(rows);
            for (int i = 0; i < n; i++) {
                if (votes) {
                    c[m][i * k + classes.indexOf(preds.get(i).getOutput().getLabel())] = weights[m];
                } else {
                    double[] p = Probabilities.row(preds.get(i), classes);
                    for (int j = 0; j < k; j++) {
                        c[m][i * k + j] = (float) (weights[m] * p[j]);
                    }
                }
            }
        }
        RoundContributions rc = RoundContributions.of(c, n, k, 0.0);
        Targets targets = XgboostModels.targets(rows, model.getOutputIDInfo());
        Objective objective =
                switch (params.objective()) {
                    case "log-loss" -> new MeanLogLoss();
                    case "error" -> new ErrorRate();
                    default -> MetricObjective.byName(params.objective(), MetricObjective.Link.NORMALISE);
                };
        // Tribuo ensembles hold at least two members
        int[] sizes = Arrays.stream(params.sizes())
                .filter(s -> s >= 2 && s < members.size())
                .toArray();
        List<Candidate> out = new ArrayList<>();
        out.add(new Candidate(0, size(members), model));
        if (sizes.length > 0) {
            List<RoundSet> sets =
                    Strategy.byName(params.strategy(), objective, seed).select(rc, targets, sizes);
            for (int i = sets.size() - 1; i >= 0; i--) {
                int[] kept = sets.get(i).rounds();
                List<Model<Label>> keptMembers = new ArrayList<>();
                float[] keptWeights = new float[kept.length];
                for (int j = 0; j < kept.length; j++) {
                    keptMembers.add(members.get(kept[j]));
                    keptWeights[j] = weights[kept[j]];
                }
                out.add(new Candidate(
                        members.size() - kept.length,
                        size(keptMembers),
                        WeightedEnsembleModel.createEnsembleFromExistingModels(
                                model.getName(), keptMembers, combiner, keptWeights)));
            }
        }
        return new SimplePath("members dropped", out);
    }

    /**
     * Size of tree members: per tree 2 parameters per split and one per class per leaf (its distribution); details
     * {@code members}, {@code leaves}. A member that is not a tree counts as one parameter.
     */
    static ModelSize size(List<Model<Label>> members) {
        long params = 0;
        long leaves = 0;
        for (Model<Label> m : members) {
            if (m instanceof TreeModel<Label> t) {
                long[] counts = new long[2];
                count(t.getRoot(), counts);
                params += 2 * counts[0] + counts[1] * m.getOutputIDInfo().size();
                leaves += counts[1];
            } else {
                params += 1;
            }
        }
        return new ModelSize(params, params, Map.of("members", (double) members.size(), "leaves", (double) leaves));
    }

    private static void count(Node<Label> node, long[] counts) {
        if (node instanceof SplitNode<Label> s) {
            counts[0]++;
            count(s.getGreaterThan(), counts);
            count(s.getLessThanOrEqual(), counts);
        } else if (node instanceof LeafNode<Label>) {
            counts[1]++;
        }
    }
}
