package org.prunekit.prune.ensemble;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;
import org.tribuo.protos.ProtoSerializableClass;
import org.tribuo.protos.ProtoUtil;

/**
 * Turns the one output column of an XGBoost {@code binary:logistic} booster into a Tribuo {@link Label} prediction
 * over two classes: XGBoost's output {@code p = σ(margin)} is the probability of the class with id 1 in the model's
 * output domain (the trainer labels that class 1), so the scores are {@code P(id 0) = 1 − p} and {@code P(id 1) = p}
 * ({@code p} widened from float to double first). The predicted label is the arg-max, a tie (p = ½) going to id 0, as
 * Tribuo's {@code XGBoostClassificationConverter} breaks ties for {@code multi:softprob}.
 *
 * <p>Serialized like Tribuo's converters ({@link ProtoUtil}: class name and version, no data); Tribuo's
 * {@code XGBoostModel.deserializeFromProto} finds {@link #deserializeFromProto} by class name, so a model holding this
 * converter saves and loads as any Tribuo XGBoost model.
 */
@ProtoSerializableClass(version = XgboostBinaryConverter.CURRENT_VERSION)
public final class XgboostBinaryConverter implements XGBoostOutputConverter<Label> {

    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    public XgboostBinaryConverter() {}

    /**
     * Deserialization factory, found by Tribuo's {@code ProtoUtil.deserialize} by name.
     *
     * @param version   the serialized version
     * @param className the class name
     * @param message   the serialized data (none)
     */
    public static XgboostBinaryConverter deserializeFromProto(int version, String className, Any message) {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException(
                    "Unknown version " + version + ", this class supports at most version " + CURRENT_VERSION);
        }
        if (!message.getValue().equals(ByteString.EMPTY)) {
            throw new IllegalArgumentException("Invalid proto");
        }
        return new XgboostBinaryConverter();
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public Prediction<Label> convertOutput(
            ImmutableOutputInfo<Label> info, List<float[]> output, int numValidFeatures, Example<Label> example) {
        if (output.size() != 1) {
            throw new IllegalArgumentException("expected the output of one booster, got " + output.size());
        }
        return prediction(info, output.get(0), numValidFeatures, example);
    }

    @Override
    public List<Prediction<Label>> convertBatchOutput(
            ImmutableOutputInfo<Label> info,
            List<float[][]> output,
            int[] numValidFeatures,
            Example<Label>[] examples) {
        if (output.size() != 1) {
            throw new IllegalArgumentException("expected the output of one booster, got " + output.size());
        }
        float[][] rows = output.get(0);
        List<Prediction<Label>> predictions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            predictions.add(prediction(info, rows[i], numValidFeatures[i], examples[i]));
        }
        return predictions;
    }

    private static Prediction<Label> prediction(
            ImmutableOutputInfo<Label> info, float[] row, int numValidFeatures, Example<Label> example) {
        if (row.length != 1 || info.size() != 2) {
            throw new IllegalArgumentException("binary:logistic gives one column for two classes, got " + row.length
                    + " columns for " + info.size() + " classes");
        }
        double p = row[0];
        Label negative = new Label(info.getOutput(0).getLabel(), 1.0 - p);
        Label positive = new Label(info.getOutput(1).getLabel(), p);
        LinkedHashMap<String, Label> scores = new LinkedHashMap<>();
        scores.put(negative.getLabel(), negative);
        scores.put(positive.getLabel(), positive);
        return new Prediction<>(p > 1.0 - p ? positive : negative, scores, numValidFeatures, example, true);
    }

    @Override
    public XGBoostOutputConverterProto serialize() {
        return ProtoUtil.serialize(this);
    }

    @Override
    public Class<Label> getTypeWitness() {
        return Label.class;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XgboostBinaryConverter;
    }

    @Override
    public int hashCode() {
        return XgboostBinaryConverter.class.hashCode();
    }

    @Override
    public String toString() {
        return "XgboostBinaryConverter()";
    }
}
