package org.prunekit.prune.ensemble;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.prunekit.spi.ModelCodec;
import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.protos.XGBoostModelProto;
import org.tribuo.impl.ModelDataCarrier;

/**
 * Codec {@code xgboost-json}: an XGBoost classifier as its booster's XGBoost JSON (the format Python's xgboost reads),
 * so dropped rounds are simply absent. Reading validates the JSON's structure ({@link XgboostJsonCheck}) against the
 * bundle's domains before XGBoost's native loader sees it, then rebuilds a genuine {@link XGBoostModel} predicting on
 * one thread, with the Tribuo converter of the JSON's objective ({@link XgboostModels#converter}: a
 * {@code binary:logistic} booster's one column is P(class id 1), a {@code multi:softprob} booster's are per class).
 */
public final class XgboostCodec implements ModelCodec {

    @Override
    public String name() {
        return "xgboost-json";
    }

    @Override
    public boolean handles(Model<Label> model) {
        return model instanceof XGBoostModel<?> x && x.getInnerModels().size() == 1;
    }

    @Override
    public byte[] encode(Model<Label> model, Nested nested) {
        return XgboostModels.modelJson(XgboostModels.require(model));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Model<Label> decode(byte[] data, Domains domains, Nested nested) {
        String objective;
        try {
            objective = XgboostJsonCheck.check(
                    data, domains.features().size(), domains.outputs().size());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith("XGBoost") ? e.getMessage() : "XGBoost model: " + e.getMessage());
        }
        var metadata = new ModelDataCarrier<>(
                        "xgboost",
                        ModelCodec.provenance(XGBoostModel.class.getName()),
                        domains.features(),
                        domains.outputs(),
                        true,
                        Tribuo.VERSION)
                .serialize();
        XGBoostModelProto proto = XGBoostModelProto.newBuilder()
                .setMetadata(metadata)
                .setConverter(XgboostModels.converter(objective).serialize())
                .addModels(ByteString.copyFrom(data))
                .build();
        try {
            XGBoostModel<Label> model = (XGBoostModel<Label>) XGBoostModel.deserializeFromProto(
                    XGBoostModel.CURRENT_VERSION, XGBoostModel.class.getName(), Any.pack(proto));
            model.setNumThreads(1);
            return model;
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new IllegalArgumentException("XGBoost cannot load the model: " + e.getMessage());
        }
    }
}
