package org.prunekit.bundle;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.prunekit.bundle.proto.PreprocessingProto;
import org.prunekit.data.Encoding;
import org.prunekit.data.Schema;
import org.prunekit.spi.ModelCodec.Encoded;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * The size of the bundle each candidate of a path would be saved as, for the {@code bytes} column: the same payload
 * {@link Bundle#save} writes, measured with protobuf's {@code getSerializedSize} (no bytes are written), plus the
 * header. The preprocessing part is built once and shared by every candidate. Digests in the pruning record are
 * fixed-length hex, so placeholders give the exact size.
 */
public final class BundleSizer {

    private final PreprocessingProto preprocessing;
    private final List<String> features;
    private final List<String> classes;
    private final int positive;
    private final Codecs codecs;

    /**
     * @param tribuoSerializer protobuf form of Tribuo models, equal to {@code Model::serialize} (a cache that reuses
     *                         what the candidates of one path share)
     */
    public BundleSizer(
            Schema schema,
            Encoding encoding,
            List<String> classes,
            int positive,
            Function<Model<Label>, ModelProto> tribuoSerializer) {
        this.preprocessing = BundleMessages.preprocessing(schema, encoding);
        this.features = encoding.features();
        this.classes = List.copyOf(classes);
        this.positive = positive;
        this.codecs = Codecs.with(tribuoSerializer);
    }

    /** Bytes of the bundle of {@code model}, or empty when no codec writes models of its class. */
    public OptionalLong bytes(Model<Label> model, PruningRecord pruning, double threshold) {
        if (codecs.forModel(model).isEmpty()) {
            return OptionalLong.empty();
        }
        Encoded encoded = codecs.encode(model);
        return OptionalLong.of(BundleFile.HEADER
                + BundleMessages.payload(preprocessing, features, classes, positive, threshold, model, encoded, pruning)
                        .getSerializedSize());
    }
}
