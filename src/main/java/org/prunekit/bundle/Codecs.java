package org.prunekit.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.prunekit.spi.ModelCodec;
import org.prunekit.spi.ModelCodec.Domains;
import org.prunekit.spi.ModelCodec.Encoded;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * Every model codec: those registered in {@code META-INF/services/org.prunekit.spi.ModelCodec}, then the generic
 * Tribuo one ({@link TribuoProtoCodec}). A model no codec handles cannot be bundled (Smile models, for one: they
 * exist only in Java serialization).
 */
final class Codecs implements ModelCodec.Nested {

    private static final List<ModelCodec> REGISTERED = load();

    private final List<ModelCodec> codecs;

    private Codecs(List<ModelCodec> codecs) {
        this.codecs = codecs;
    }

    /** All codecs, Tribuo models serialized by {@code Model::serialize}. */
    static Codecs all() {
        return with(Model::serialize);
    }

    /** All codecs, Tribuo models serialized by {@code serializer} (which must equal {@code Model::serialize}). */
    static Codecs with(Function<Model<Label>, ModelProto> serializer) {
        List<ModelCodec> list = new ArrayList<>(REGISTERED);
        list.add(new TribuoProtoCodec(serializer));
        return new Codecs(list);
    }

    private static List<ModelCodec> load() {
        List<ModelCodec> out = new ArrayList<>();
        ServiceLoader.load(ModelCodec.class, Codecs.class.getClassLoader()).forEach(out::add);
        return List.copyOf(out);
    }

    /** The codec that writes {@code model}, if any. */
    Optional<ModelCodec> forModel(Model<Label> model) {
        return codecs.stream().filter(c -> c.handles(model)).findFirst();
    }

    @Override
    public Encoded encode(Model<Label> model) {
        ModelCodec codec = forModel(model).orElseThrow(() -> new NotBundleable(model));
        return new Encoded(codec.name(), codec.encode(model, this));
    }

    @Override
    public Model<Label> decode(Encoded encoded, Domains domains) {
        ModelCodec codec = codecs.stream()
                .filter(c -> c.name().equals(encoded.codec()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model codec '" + encoded.codec() + "'"));
        return codec.decode(encoded.data(), domains, this);
    }

    /** Thrown when no codec writes a model. */
    static final class NotBundleable extends RuntimeException {
        NotBundleable(Model<Label> model) {
            super("no model bundle format for " + model.getClass().getSimpleName()
                    + " models (comparison-only: they are measured but not saved)");
        }
    }
}
