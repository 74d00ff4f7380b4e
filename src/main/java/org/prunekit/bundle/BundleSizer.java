package org.prunekit.bundle;

import com.google.protobuf.CodedOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.prunekit.bundle.proto.BundlePayloadProto;
import org.prunekit.bundle.proto.ModelPayloadProto;
import org.prunekit.bundle.proto.PreprocessingProto;
import org.prunekit.data.Encoding;
import org.prunekit.data.Schema;
import org.prunekit.spi.ModelCodec;
import org.prunekit.spi.ModelCodec.Encoded;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.TreeProtoCache;

/**
 * The size of the bundle each candidate of a path would be saved as, for the {@code bytes} column, without writing
 * it: the header plus the payload {@link Bundle#save} writes, measured with protobuf's {@code getSerializedSize}.
 * The payload is measured with an empty model {@code data} field, whose size then enters through the length prefixes
 * alone: {@code payload = payload0 - ld(model, m0) + ld(model, m0 + ld(data, n))}, where {@code ld(f, n)} is a
 * length-delimited field of {@code n} bytes (none for empty {@code data}). The model's encoded length {@code n} comes
 * from its codec; for the subtrees of a CART path without encoding them ({@link TreeEncodedSize}). The preprocessing
 * part is built once and shared by every candidate, the model's domain once per path. Digests in the pruning record are fixed-length hex, so
 * placeholders give the exact size. Not thread-safe: one sizer per cell.
 */
public final class BundleSizer {

    private static final byte[] NO_DATA = new byte[0];

    private final PreprocessingProto preprocessing;
    private final Map<String, Integer> featureIndex;
    private final List<String> classes;
    private final int positive;
    private final Codecs codecs;
    private final TreeEncodedSize trees;
    private ImmutableFeatureMap lastFeatures; // the maps of the last model measured and its domain
    private ImmutableOutputInfo<Label> lastOutputs;
    private BundleMessages.Domain lastDomain;

    public BundleSizer(Schema schema, Encoding encoding, List<String> classes, int positive) {
        this.preprocessing = BundleMessages.preprocessing(schema, encoding);
        this.featureIndex = BundleMessages.featureIndex(encoding.features());
        this.classes = List.copyOf(classes);
        this.positive = positive;
        TreeProtoCache cache = new TreeProtoCache();
        this.codecs = Codecs.with(cache::serialize);
        this.trees = new TreeEncodedSize(cache, codecs);
    }

    /** Bytes of the bundle of {@code model}, or empty when no codec writes models of its class. */
    public OptionalLong bytes(Model<Label> model, PruningRecord pruning, double threshold) {
        Optional<ModelCodec> codec = codecs.forModel(model);
        if (codec.isEmpty()) {
            return OptionalLong.empty();
        }
        long data = TreeEncodedSize.applies(model, codec.get())
                ? trees.of((TreeModel<Label>) model)
                : codecs.encode(model).data().length;
        BundlePayloadProto p = BundleMessages.payload(
                preprocessing,
                classes,
                positive,
                threshold,
                domain(model),
                new Encoded(codec.get().name(), NO_DATA),
                pruning);
        long m0 = p.getModel().getSerializedSize();
        long m = m0 + (data == 0 ? 0 : lengthDelimited(ModelPayloadProto.DATA_FIELD_NUMBER, data));
        return OptionalLong.of(BundleFile.HEADER
                + p.getSerializedSize()
                - lengthDelimited(BundlePayloadProto.MODEL_FIELD_NUMBER, m0)
                + lengthDelimited(BundlePayloadProto.MODEL_FIELD_NUMBER, m));
    }

    /**
     * {@code model}'s domain, made again only when its feature or output map is not the last model's (the candidates
     * of a path share their model's immutable maps).
     */
    private BundleMessages.Domain domain(Model<Label> model) {
        if (model.getFeatureIDMap() != lastFeatures || model.getOutputIDInfo() != lastOutputs) {
            lastDomain = BundleMessages.Domain.of(featureIndex, model);
            lastFeatures = model.getFeatureIDMap();
            lastOutputs = model.getOutputIDInfo();
        }
        return lastDomain;
    }

    /**
     * The size of a bundle of {@code bytes} that carries pruning record {@code measured}, had it carried {@code other}
     * instead: the record is the payload's field {@code pruning}, so the size is
     * {@code bytes - ld(pruning, |measured|) + ld(pruning, |other|)} exactly. Arms that share a cell's candidates
     * differ in their records only (name, selection metric and rule), so one measurement serves them all.
     */
    public static long withRecord(long bytes, PruningRecord measured, PruningRecord other) {
        return bytes
                - lengthDelimited(
                        BundlePayloadProto.PRUNING_FIELD_NUMBER,
                        BundleMessages.pruning(measured).getSerializedSize())
                + lengthDelimited(
                        BundlePayloadProto.PRUNING_FIELD_NUMBER,
                        BundleMessages.pruning(other).getSerializedSize());
    }

    /** How many CART trees were serialized to be measured (one per tree kind, see {@link TreeEncodedSize}). */
    int treesEncoded() {
        return trees.encoded();
    }

    /** Bytes of a length-delimited field (tag, length prefix, content) of {@code length} content bytes. */
    private static long lengthDelimited(int field, long length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(length) + length;
    }
}
