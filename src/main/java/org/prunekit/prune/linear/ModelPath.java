package org.prunekit.prune.linear;

import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * A fitted {@link LogisticPath} together with what is needed to turn any of its fits (or an interpolation between
 * them) into a {@link SparseLinearModel}.
 */
public final class ModelPath {

    private final LogisticPath path;
    private final TrainingData data;
    private final ImmutableFeatureMap featureMap;
    private final ImmutableOutputInfo<Label> outputInfo;
    private final ModelProvenance provenance;

    ModelPath(
            LogisticPath path,
            TrainingData data,
            ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<Label> outputInfo,
            ModelProvenance provenance) {
        this.path = path;
        this.data = data;
        this.featureMap = featureMap;
        this.outputInfo = outputInfo;
        this.provenance = provenance;
    }

    public LogisticPath path() {
        return path;
    }

    public TrainingData data() {
        return data;
    }

    /** Scores coefficient sets of this path on {@code data}, probabilities in the order of {@code classes}. */
    LinearScorer scorer(Dataset<Label> data, List<String> classes) {
        return new LinearScorer(featureMap, this.data.classes(), data, classes);
    }

    /** The model at path index {@code l}. */
    public SparseLinearModel model(int l) {
        return model(path.at(l));
    }

    /** The model at {@code lambda}, coefficients interpolated linearly in λ (glmnet's {@code exact = FALSE}). */
    public SparseLinearModel modelAt(double lambda) {
        return model(path.interpolate(lambda));
    }

    private SparseLinearModel model(Coefficients c) {
        return new SparseLinearModel(
                "logistic-lambda-" + c.lambda(),
                provenance,
                featureMap,
                outputInfo,
                data.classes(),
                c.lambda(),
                c.a0(),
                c.beta(),
                data.groups());
    }
}
