package org.prunekit.prune.tree;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.TreeModelAccess;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Tribuo's {@link CARTClassificationTrainer} with prunekit's kernel ({@link CartGrower}) when every feature is tried at
 * every split: the same configuration, provenance parameters and {@link TreeModel} node for node (CartTrainerParityTest
 * fits both on every bundled dataset), grown from presorted columns instead of per-node inverted indices. It also
 * hands the path its nodes' weighted class counts ({@link GrownCounts}), so {@link TribuoTree} need not route the
 * training rows again. With {@code fractionFeaturesInSplit < 1} (random feature subsets) Tribuo's own trainer runs.
 */
public final class CartTrainer extends CARTClassificationTrainer {

    private final LabelImpurity splitImpurity;

    /** Same arguments as Tribuo's {@link CARTClassificationTrainer} (deterministic split points). */
    public CartTrainer(
            int maxDepth,
            float minChildWeight,
            float minImpurityDecrease,
            float fractionFeaturesInSplit,
            LabelImpurity impurity,
            long seed) {
        super(maxDepth, minChildWeight, minImpurityDecrease, fractionFeaturesInSplit, false, impurity, seed);
        this.splitImpurity = impurity;
    }

    @Override
    public TreeModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        int nf = examples.getFeatureIDMap().size();
        if (Math.min(Math.round(fractionFeaturesInSplit * nf), nf) != nf || useRandomSplitPoints || nf == 0) {
            return super.train(examples, runProvenance, invocationCount);
        }
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException(
                    "The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
        }
        TrainerProvenance trainerProvenance;
        synchronized (this) {
            if (invocationCount != INCREMENT_INVOCATION_COUNT) {
                setInvocationCount(invocationCount);
            }
            rng.split();
            trainerProvenance = getProvenance();
            trainInvocationCounter++;
        }
        ImmutableOutputInfo<Label> outputs = examples.getOutputIDInfo();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < outputs.size(); k++) {
            labels.add(outputs.getOutput(k).getLabel());
        }
        int n = examples.size();
        int[] y = new int[n];
        float[] w = new float[n];
        float weightSum = 0f;
        int i = 0;
        for (Example<Label> e : examples) {
            y[i] = outputs.getID(e.getOutput());
            w[i] = e.getWeight();
            weightSum += w[i];
            i++;
        }
        CartGrower.Settings settings =
                new CartGrower.Settings(splitImpurity, maxDepth, minChildWeight, getMinImpurityDecrease() * weightSum);
        CartGrower.Grown grown = CartGrower.grow(SortedColumns.of(examples), y, w, labels, settings);
        ModelProvenance provenance = new ModelProvenance(
                TreeModel.class.getName(),
                OffsetDateTime.now(),
                examples.getProvenance(),
                trainerProvenance,
                runProvenance);
        TreeModel<Label> model = TreeModelAccess.create(
                "cart-tree", provenance, examples.getFeatureIDMap(), outputs, false, grown.root());
        if (grown.routable()) {
            GrownCounts.put(model, examples, grown.counts(), grown.weight());
        }
        return model;
    }
}
