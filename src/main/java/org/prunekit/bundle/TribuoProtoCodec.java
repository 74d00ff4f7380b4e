package org.prunekit.bundle;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.RootProvenanceProto;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.prunekit.spi.ModelCodec;
import org.tribuo.FeatureMap;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.OutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * Codec {@code tribuo}: Tribuo models stored in Tribuo's own protobuf form ({@code Model.serialize}), for the model
 * classes listed in {@link #CLASSES} only (CART trees, weighted ensembles of them, dummy baselines): their protobuf
 * readers never use Java serialization. Other Tribuo models (LibLinear's, for one, wraps a Java-serialized object)
 * need their own codec.
 *
 * <p>Tribuo's metadata ({@code ModelDataProto}, field 1 of each of these messages and of every ensemble member) is
 * slimmed: the provenance (training history with timestamps, host and settings; the bundle has its own
 * {@link PruningRecord}) is dropped, and so are the feature and output domains where they equal the bundle's
 * (they are put back from the bundle on reading). So the bytes depend on the model only, not on the clock.
 */
final class TribuoProtoCodec implements ModelCodec {

    static final String NAME = "tribuo";

    /** Model classes whose Tribuo protobuf form this codec writes and reads. */
    static final Set<String> CLASSES = Set.of(
            "org.tribuo.common.tree.TreeModel",
            "org.tribuo.ensemble.WeightedEnsembleModel",
            "org.tribuo.classification.baseline.DummyClassifierModel");

    private static final String ENSEMBLE = "org.tribuo.ensemble.WeightedEnsembleModel";

    private final Function<Model<Label>, ModelProto> serializer;

    /** @param serializer must equal {@code Model::serialize} (a cache may reuse what candidates share) */
    TribuoProtoCodec(Function<Model<Label>, ModelProto> serializer) {
        this.serializer = serializer;
    }

    TribuoProtoCodec() {
        this(Model::serialize);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Model<Label> model) {
        return CLASSES.contains(model.getClass().getName());
    }

    @Override
    public byte[] encode(Model<Label> model, Nested nested) {
        Domains own = ModelDomains.of(ModelDomains.featureNames(model), ModelDomains.outputNames(model));
        return slim(serializer.apply(model), own).toByteArray();
    }

    @Override
    public Model<Label> decode(byte[] data, Domains domains, Nested nested) {
        ModelProto proto;
        try {
            proto = restore(ModelProto.parseFrom(data), domains, 0);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a Tribuo model message: " + e.getMessage());
        }
        Model<?> model;
        try {
            model = Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Tribuo cannot read the model: " + e.getMessage(), e);
        }
        if (!model.validate(Label.class)) {
            throw new IllegalArgumentException("not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> m = (Model<Label>) model;
        return m;
    }

    /** {@code proto} with its metadata (and its members') slimmed against {@code domains}. */
    private static ModelProto slim(ModelProto proto, Domains domains) {
        return rewrite(
                proto,
                meta -> {
                    ModelDataProto.Builder b = meta.toBuilder().clearProvenance();
                    if (meta.hasFeatureDomain() && sameFeatures(meta, domains)) {
                        b.clearFeatureDomain();
                    }
                    if (meta.hasOutputDomain() && sameOutputs(meta, domains)) {
                        b.clearOutputDomain();
                    }
                    return b.build();
                },
                member -> slim(member, domains));
    }

    private static boolean sameFeatures(ModelDataProto meta, Domains domains) {
        FeatureMap fm = FeatureMap.deserialize(meta.getFeatureDomain());
        if (!(fm instanceof ImmutableFeatureMap ifm)
                || ifm.size() != domains.features().size()) {
            return false;
        }
        List<String> names = domains.featureNames();
        for (int id = 0; id < ifm.size(); id++) {
            if (!ifm.get(id).getName().equals(names.get(id))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameOutputs(ModelDataProto meta, Domains domains) {
        OutputInfo<?> info = OutputInfo.deserialize(meta.getOutputDomain());
        if (!(info instanceof ImmutableOutputInfo<?> io)
                || io.size() != domains.outputs().size()) {
            return false;
        }
        for (int id = 0; id < io.size(); id++) {
            Object o = io.getOutput(id);
            if (!(o instanceof Label l)
                    || !l.getLabel().equals(domains.outputs().getOutput(id).getLabel())) {
                return false;
            }
        }
        return true;
    }

    /** {@code proto} with metadata filled in from {@code domains} and a fixed provenance; checks class names. */
    private static ModelProto restore(ModelProto proto, Domains domains, int depth) {
        if (!CLASSES.contains(proto.getClassName())) {
            throw new IllegalArgumentException("model class " + proto.getClassName() + " is not one the bundle reads");
        }
        if (depth > 1) {
            throw new IllegalArgumentException("ensembles nested too deep");
        }
        return rewrite(
                proto,
                meta -> {
                    ModelDataProto.Builder b =
                            meta.toBuilder().setProvenance(provenance(proto.getClassName(), domains));
                    if (!meta.hasFeatureDomain()) {
                        b.setFeatureDomain(domains.features().serialize());
                    }
                    if (!meta.hasOutputDomain()) {
                        b.setOutputDomain(domains.outputs().serialize());
                    }
                    return b.build();
                },
                member -> restore(member, domains, depth + 1));
    }

    /**
     * Applies {@code meta} to field 1 (the {@code ModelDataProto}) of the model message and {@code member} to every
     * ensemble member (field 2 of {@code WeightedEnsembleModelProto}).
     */
    private static ModelProto rewrite(
            ModelProto proto, Function<ModelDataProto, ModelDataProto> meta, Function<ModelProto, ModelProto> member) {
        try {
            Any any = proto.getSerializedData();
            UnknownFieldSet fields = UnknownFieldSet.parseFrom(any.getValue());
            UnknownFieldSet.Builder out = fields.toBuilder();
            List<ByteString> metas = fields.getField(1).getLengthDelimitedList();
            if (metas.size() != 1) {
                throw new IllegalArgumentException(proto.getClassName() + " message has no model metadata");
            }
            ByteString m = meta.apply(ModelDataProto.parseFrom(metas.get(0))).toByteString();
            out.clearField(1)
                    .addField(
                            1,
                            UnknownFieldSet.Field.newBuilder()
                                    .addLengthDelimited(m)
                                    .build());
            if (proto.getClassName().equals(ENSEMBLE)) {
                UnknownFieldSet.Field.Builder members = UnknownFieldSet.Field.newBuilder();
                for (ByteString b : fields.getField(2).getLengthDelimitedList()) {
                    members.addLengthDelimited(
                            member.apply(ModelProto.parseFrom(b)).toByteString());
                }
                out.clearField(2).addField(2, members.build());
            }
            return proto.toBuilder()
                    .setSerializedData(any.toBuilder().setValue(out.build().toByteString()))
                    .build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("malformed " + proto.getClassName() + " message: " + e.getMessage());
        }
    }

    /** The fixed provenance of every model read from a bundle (the bundle's pruning record says where it came from). */
    private static RootProvenanceProto provenance(String className, Domains domains) {
        ModelProvenance p = className.equals(ENSEMBLE)
                ? ModelCodec.ensembleProvenance(className)
                : ModelCodec.provenance(className);
        return new ModelDataCarrier<>("bundle", p, domains.features(), domains.outputs(), true, "")
                .serialize()
                .getProvenance();
    }
}
