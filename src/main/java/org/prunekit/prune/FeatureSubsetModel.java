package org.prunekit.prune;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * ({@code message FeatureSubsetModelProto { bytes inner = 1; repeated string features = 2; }}, defined in code).
 */
public final class FeatureSubsetModel extends Model<Label> implements FeatureUsage {

    private static final long serialVersionUID = 1L;
    public static final int CURRENT_VERSION = 0;
    private static final Descriptors.Descriptor DESCRIPTOR = descriptor();

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
        DynamicMessage msg = DynamicMessage.newBuilder(DESCRIPTOR)
                .setField(DESCRIPTOR.findFieldByName("inner"), inner.serialize().toByteString())
                .setField(DESCRIPTOR.findFieldByName("features"), List.copyOf(features))
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
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown version " + version + ", at most " + CURRENT_VERSION);
        }
        DynamicMessage msg = DynamicMessage.parseFrom(DESCRIPTOR, message.getValue());
        Model<?> inner =
                Model.deserialize(ModelProto.parseFrom((ByteString) msg.getField(DESCRIPTOR.findFieldByName("inner"))));
        if (!inner.validate(Label.class)) {
            throw new IllegalStateException("wrapped model is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labelModel = (Model<Label>) inner;
        @SuppressWarnings("unchecked")
        List<String> features = (List<String>) msg.getField(DESCRIPTOR.findFieldByName("features"));
        return new FeatureSubsetModel(labelModel, new TreeSet<>(features));
    }

    private static Descriptors.Descriptor descriptor() {
        DescriptorProto msg = DescriptorProto.newBuilder()
                .setName("FeatureSubsetModelProto")
                .addField(FieldDescriptorProto.newBuilder()
                        .setName("inner")
                        .setNumber(1)
                        .setType(FieldDescriptorProto.Type.TYPE_BYTES))
                .addField(FieldDescriptorProto.newBuilder()
                        .setName("features")
                        .setNumber(2)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING)
                        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("prunekit/feature_subset_model.proto")
                .setPackage("prunekit")
                .setSyntax("proto3")
                .addMessageType(msg)
                .build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName("FeatureSubsetModelProto");
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }
}
