package org.prunekit.spi;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.prunekit.spi.proto.TribuoFormProto;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * Tribuo's protobuf form of a prunekit model (what {@code Model.serialize()} writes): Tribuo's metadata (name,
 * provenance, domains) next to the model's own message, version 1. Shared by every model class prunekit defines.
 */
public final class TribuoForm {

    private TribuoForm() {}

    /** The model's message read back with its Tribuo metadata. */
    public record Unwrapped(ByteString model, String name, ModelProvenance provenance, ModelCodec.Domains domains) {}

    /** Wraps {@code model} (the model's own message) with Tribuo's {@code metadata}. */
    public static ModelProto wrap(Class<?> modelClass, ModelDataProto metadata, ByteString model) {
        TribuoFormProto form = TribuoFormProto.newBuilder()
                .setMetadata(metadata.toByteString())
                .setModel(model)
                .build();
        return ModelProto.newBuilder()
                .setVersion(1)
                .setClassName(modelClass.getName())
                .setSerializedData(Any.pack(form))
                .build();
    }

    /** Unwraps a version-1 form of the model class named {@code modelName}; the domain must hold class labels. */
    @SuppressWarnings("unchecked")
    public static Unwrapped unwrap(String modelName, int version, Any any) throws InvalidProtocolBufferException {
        if (version != 1) {
            throw new IllegalArgumentException("unknown " + modelName + " proto version " + version + ", expected 1");
        }
        TribuoFormProto form = any.unpack(TribuoFormProto.class);
        ModelDataCarrier<?> meta = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(form.getMetadata()));
        if (meta.outputDomain().getDomain().stream().anyMatch(o -> !(o instanceof Label))) {
            throw new IllegalStateException(modelName + " proto does not hold a classification (Label) domain");
        }
        ModelCodec.Domains domains =
                new ModelCodec.Domains(meta.featureDomain(), (ImmutableOutputInfo<Label>) meta.outputDomain());
        return new Unwrapped(form.getModel(), meta.name(), meta.provenance(), domains);
    }
}
