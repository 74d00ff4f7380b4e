package org.prunekit.prune;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.prunekit.spi.proto.FeatureSubsetProto;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A Tribuo model that declares which features it uses: wraps a model trained on (or only depending on) a subset of
 * the features, predicts exactly as the wrapped model, and answers {@link FeatureUsage#featuresUsed()} with the
 * subset. Serialises to Tribuo protobuf as the wrapped model's {@code ModelProto} plus the feature names
 * ({@code FeatureSubsetProto} in {@code prunekit-models.proto}, with an empty {@code inner_codec}).
 */
public final class FeatureSubsetModel extends Model<Label> implements FeatureUsage {

    private static final long serialVersionUID = 1L;
    public static final int CURRENT_VERSION = 1;

    private final Model<Label> inner;
    private final TreeSet<String> features;

    public FeatureSubsetModel(Model<Label> inner, Set<String> features) {
        super(
                inner.getName(),
                inner.getProvenance(),
                inner.getFeatureIDMap(),
                inner.getOutputIDInfo(),
                inner.generatesProbabilities());
        this.inner = inner;
        this.features = new TreeSet<>(features);
    }

    /** The wrapped model. */
    public Model<Label> inner() {
        return inner;
    }

    @Override
    public Set<String> featuresUsed() {
        return Collections.unmodifiableSet(features);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return inner.predict(example);
    }

    @Override
    public List<Prediction<Label>> predict(Iterable<Example<Label>> examples) {
        return inner.predict(examples);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return inner.getTopFeatures(n);
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return inner.getExcuse(example);
    }

    @Override
    protected FeatureSubsetModel copy(String newName, ModelProvenance newProvenance) {
        return new FeatureSubsetModel(inner.copy(), features);
    }

    @Override
    public ModelProto serialize() {
        FeatureSubsetProto msg = FeatureSubsetProto.newBuilder()
                .setInner(inner.serialize().toByteString())
                .addAllFeatures(features)
                .build();
        return ModelProto.newBuilder()
                .setVersion(CURRENT_VERSION)
                .setClassName(FeatureSubsetModel.class.getName())
                .setSerializedData(Any.pack(msg))
                .build();
    }

    /** Tribuo's deserialization factory. */
    public static FeatureSubsetModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown version " + version + ", expected " + CURRENT_VERSION);
        }
        FeatureSubsetProto msg = message.unpack(FeatureSubsetProto.class);
        Model<?> inner = Model.deserialize(ModelProto.parseFrom(msg.getInner()));
        if (!inner.validate(Label.class)) {
            throw new IllegalStateException("wrapped model is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labelModel = (Model<Label>) inner;
        return new FeatureSubsetModel(labelModel, new TreeSet<>(msg.getFeaturesList()));
    }
}
