package org.prunekit.bundle;

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.prunekit.spi.ModelCodec;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.TreeModelAccess;
import org.tribuo.common.tree.TreeProtoCache;
import org.tribuo.common.tree.protos.TreeModelProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

/**
 * The length of codec {@code tribuo}'s encoding of a plain {@link TreeModel} without encoding it, for the many
 * subtrees of a pruning path. That encoding is a {@code ModelProto} whose {@code Any} holds a {@code TreeModelProto}:
 * the slimmed metadata and the node list. A protobuf message's size is the sum of its fields' sizes, so with
 * {@code ld(f, n) = tag(f) + varint(n) + n} (a length-delimited field of {@code n} bytes), one tree encoded for real
 * ({@code name0}, {@code prob0}, sizes {@code meta0}, {@code tree0}, {@code any0}, {@code total0}) gives every other:
 * <pre>
 *   meta  = meta0 - str(name, name0) + str(name, name) - bool(prob, prob0) + bool(prob, prob)
 *   tree  = ld(metadata, meta) + nodes                    (nodes: {@link TreeProtoCache#nodeBytes})
 *   any   = any0 - ld(value, tree0) + ld(value, tree)
 *   total = total0 - ld(serialized_data, any0) + ld(serialized_data, any)
 * </pre>
 * The slimmed metadata of a plain tree holds its name, its probability flag and Tribuo's version only: the codec drops
 * the provenance, and the feature and output domains, which are the model's own ({@link TribuoProtoCodec} compares
 * them with the model's names). So one template serves every plain tree of the JVM, whatever its training data: it
 * is made once, from the first tree measured, with its root replaced by one of its leaves (the metadata does not
 * depend on the nodes, and a one-leaf tree is cheap to serialize; Tribuo's reflective serialization of the rest of
 * the model, its provenance and feature statistics, is what each path paid before). The formula is checked on that
 * tree; should it not give that tree's length (a Tribuo upgrade that changed the layout), every tree is encoded
 * instead. {@code BundleSizerTest} checks the sizes against written bundles of trees trained on different tables.
 * Not thread-safe (an instance); the shared template is.
 */
final class TreeEncodedSize {

    /** One tree of a kind, encoded and measured. */
    private record Template(String name, boolean probabilities, int meta, int tree, int any, int total) {

        static Template of(byte[] data) throws InvalidProtocolBufferException {
            Any any = ModelProto.parseFrom(data).getSerializedData();
            ModelDataProto meta = TreeModelProto.parseFrom(any.getValue()).getMetadata();
            return new Template(
                    meta.getName(),
                    meta.getGenerateProbabilities(),
                    meta.getSerializedSize(),
                    any.getValue().size(),
                    any.getSerializedSize(),
                    data.length);
        }

        /** The encoded length of a tree of this kind named {@code n}, flag {@code p}, node list {@code nodes}. */
        long size(String n, boolean p, long nodes) {
            long m = meta - string(name) + string(n) - flag(probabilities) + flag(p);
            long t = lengthDelimited(TreeModelProto.METADATA_FIELD_NUMBER, m) + nodes;
            long a = any - lengthDelimited(Any.VALUE_FIELD_NUMBER, tree) + lengthDelimited(Any.VALUE_FIELD_NUMBER, t);
            return total
                    - lengthDelimited(ModelProto.SERIALIZED_DATA_FIELD_NUMBER, any)
                    + lengthDelimited(ModelProto.SERIALIZED_DATA_FIELD_NUMBER, a);
        }
    }

    /**
     * The template of every plain tree, set by the first tree measured: empty when the formula missed that tree's
     * own length (then every tree is encoded).
     */
    private static final AtomicReference<Optional<Template>> SHARED = new AtomicReference<>();

    private final TreeProtoCache cache;
    private final Codecs codecs;
    private int encoded;

    /** @param codecs codecs whose Tribuo serializer is {@code cache}'s */
    TreeEncodedSize(TreeProtoCache cache, Codecs codecs) {
        this.cache = cache;
        this.codecs = codecs;
    }

    /** Whether {@code model}, written by {@code codec}, is a plain Tribuo tree this class measures. */
    static boolean applies(Model<Label> model, ModelCodec codec) {
        return model.getClass() == TreeModel.class && codec.name().equals(TribuoProtoCodec.NAME);
    }

    /** The length of {@code codecs.encode(model).data()}. */
    long of(TreeModel<Label> model) {
        Optional<Template> shared = SHARED.get();
        if (shared == null) {
            shared = template(model);
            SHARED.compareAndSet(null, shared); // two first trees at once made the same template
        }
        return shared.isPresent() ? size(shared.get(), model) : encode(model).length;
    }

    /** The template made from {@code model}'s metadata over one of its leaves, or empty if the formula misses it. */
    private Optional<Template> template(TreeModel<Label> model) {
        TreeModel<Label> stub = TreeModelAccess.create(
                model.getName(),
                model.getProvenance(),
                model.getFeatureIDMap(),
                model.getOutputIDInfo(),
                model.generatesProbabilities(),
                firstLeaf(model.getRoot()));
        byte[] data = encode(stub);
        Template t;
        try {
            t = Template.of(data);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("codec tribuo wrote a message it cannot read back", e);
        }
        boolean exact = t.name().equals(model.getName())
                && t.probabilities() == model.generatesProbabilities()
                && size(t, stub) == data.length;
        return exact ? Optional.of(t) : Optional.empty();
    }

    /** The leaf reached from {@code node} by always taking the greater-than branch. */
    private static Node<Label> firstLeaf(Node<Label> node) {
        Node<Label> n = node;
        while (n instanceof SplitNode<Label> split) {
            n = split.getGreaterThan();
        }
        return n;
    }

    private long size(Template t, TreeModel<Label> model) {
        return t.size(model.getName(), model.generatesProbabilities(), cache.nodeBytes(model));
    }

    /** How many trees this instance encoded for real (at most one, the JVM's first, when the formula holds). */
    int encoded() {
        return encoded;
    }

    private byte[] encode(TreeModel<Label> model) {
        encoded++;
        return codecs.encode(model).data();
    }

    /** Bytes of a proto3 string field (none when empty). */
    private static int string(String s) {
        return s.isEmpty() ? 0 : CodedOutputStream.computeStringSize(ModelDataProto.NAME_FIELD_NUMBER, s);
    }

    /** Bytes of a proto3 bool field (none when false). */
    private static int flag(boolean b) {
        return b ? CodedOutputStream.computeBoolSize(ModelDataProto.GENERATE_PROBABILITIES_FIELD_NUMBER, true) : 0;
    }

    /** Bytes of a length-delimited field (tag, length prefix, content) of {@code length} content bytes. */
    private static long lengthDelimited(int field, long length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(length) + length;
    }
}
