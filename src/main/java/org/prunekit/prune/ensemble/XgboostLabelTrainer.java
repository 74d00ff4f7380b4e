package org.prunekit.prune.ensemble;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Trains a Tribuo {@link XGBoostModel} of {@link Label}s with the objective fitted to the label: {@code
 * binary:logistic} for two classes (one tree per round; the booster outputs {@code p = σ(base + Σ leaves)}, the
 * probability of the class with id 1, read by {@link XgboostBinaryConverter}), {@code multi:softprob} with {@code
 * num_class = K} otherwise (one tree per class and round, read by Tribuo's {@link XGBoostClassificationConverter}).
 * Everything else is Tribuo's {@code XGBoostClassificationTrainer}: the same parameter map (built by
 * {@link XGBoostTrainer}'s constructor), the same DMatrix (labels = output ids, example weights), the same
 * {@code XGBoost.train} call, model name and provenance. For K ≠ 2 the booster therefore equals that trainer's.
 *
 * <p>Why: Tribuo's trainer always trains {@code multi:softprob}, i.e. two trees per round for two classes, which
 * costs about twice the CPU of {@code binary:logistic} for the same model quality (the peers' xgboost trains the
 * latter).
 */
public final class XgboostLabelTrainer extends XGBoostTrainer<Label> {

    static final String MODEL_NAME = "xgboost-classification-model";

    /** The trainer for one hyperparameter record (gamma 0, column subsampling 1, silent); its objective is ignored. */
    public XgboostLabelTrainer(XgboostParams p) {
        super(
                p.rounds(),
                p.eta(),
                0.0,
                p.maxDepth(),
                p.minChildWeight(),
                p.subsample(),
                1.0,
                p.lambda(),
                p.alpha(),
                p.threads(),
                true,
                p.seed());
        postConfig();
    }

    /** For OLCUT (a trainer rebuilt from its provenance). */
    private XgboostLabelTrainer() {}

    /** The XGBoost objective this trainer uses for {@code classes} classes. */
    static String objective(int classes) {
        return classes == 2 ? "binary:logistic" : "multi:softprob";
    }

    @Override
    public XGBoostModel<Label> train(Dataset<Label> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public XGBoostModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized XGBoostModel<Label> train(
            Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException(
                    "The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
        }
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        trainInvocationCounter++;
        Map<String, Object> params = copyParams(parameters);
        int classes = outputInfo.size();
        String objective = objective(classes);
        params.put("objective", objective);
        if (classes != 2) {
            params.put("num_class", classes);
        }
        XGBoostOutputConverter<Label> converter = XgboostModels.converter(objective);
        Booster booster;
        DMatrixTuple<Label> data = null;
        try {
            data = convertExamples(examples, featureMap, (Label l) -> (float) outputInfo.getID(l));
            booster = XGBoost.train(data.data, params, numTrees, Collections.emptyMap(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.data.dispose();
            }
        }
        ModelProvenance provenance = new ModelProvenance(
                XGBoostModel.class.getName(),
                OffsetDateTime.now(),
                examples.getProvenance(),
                trainerProvenance,
                runProvenance);
        return createModel(MODEL_NAME, provenance, featureMap, outputInfo, List.of(booster), converter);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
