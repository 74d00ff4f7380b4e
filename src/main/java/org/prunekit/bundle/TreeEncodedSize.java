package org.prunekit.bundle;

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.prunekit.spi.ModelCodec;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.TreeProtoCache;
import org.tribuo.common.tree.protos.TreeModelProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

/**
 * The length of codec {@code tribuo}'s encoding of a plain {@link TreeModel} without encoding it, for the many
 * subtrees of a pruning path. That encoding is a {@code ModelProto} whose {@code Any} holds a {@code TreeModelProto}:
 * the slimmed metadata (name, flags, domains only where they differ from the bundle's) and the node list. A protobuf
 * message's size is the sum of its fields' sizes, so with {@code ld(f, n) = tag(f) + varint(n) + n} (a
 * length-delimited field of {@code n} bytes), one tree encoded for real ({@code name0}, sizes {@code meta0},
 * {@code tree0}, {@code any0}, {@code total0}) gives every other tree with the same feature map, output info and
 * probability flag (what the slimming depends on besides the name):
 * <pre>
 *   meta  = meta0 - str(name, name0) + str(name, name)
 *   tree  = ld(metadata, meta) + nodes                    (nodes: {@link TreeProtoCache#nodeBytes})
 *   any   = any0 - ld(value, tree0) + ld(value, tree)
 *   total = total0 - ld(serialized_data, any0) + ld(serialized_data, any)
 * </pre>
 * The formula is checked on the tree encoded for real; should it not give that tree's length (a Tribuo upgrade that
 * changed the layout), every tree of that kind is encoded instead. Not thread-safe.
 */
final class TreeEncodedSize {

    /** One tree of a kind, encoded and measured. */
    private record Template(
            ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs,
            boolean probabilities,
            String name,
            int meta,
            int tree,
            int any,
            int total,
            boolean exact) {

        boolean sameKind(TreeModel<Label> m) {
            return features == m.getFeatureIDMap()
                    && outputs == m.getOutputIDInfo()
                    && probabilities == m.generatesProbabilities();
        }

        long size(String n, long nodes) {
            long t = lengthDelimited(TreeModelProto.METADATA_FIELD_NUMBER, meta - string(name) + string(n)) + nodes;
            long a = any - lengthDelimited(Any.VALUE_FIELD_NUMBER, tree) + lengthDelimited(Any.VALUE_FIELD_NUMBER, t);
            return total
                    - lengthDelimited(ModelProto.SERIALIZED_DATA_FIELD_NUMBER, any)
                    + lengthDelimited(ModelProto.SERIALIZED_DATA_FIELD_NUMBER, a);
        }
    }

    private final TreeProtoCache cache;
    private final Codecs codecs;
    private final List<Template> templates = new ArrayList<>();

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
        Template t = null;
        for (Template c : templates) {
            if (c.sameKind(model)) {
                t = c;
                break;
            }
        }
        if (t == null) {
            t = template(model);
            templates.add(t);
            return t.total();
        }
        return t.exact()
                ? t.size(model.getName(), cache.nodeBytes(model))
                : codecs.encode(model).data().length;
    }

    private Template template(TreeModel<Label> model) {
        byte[] data = codecs.encode(model).data();
        try {
            Any any = ModelProto.parseFrom(data).getSerializedData();
            ModelDataProto meta = TreeModelProto.parseFrom(any.getValue()).getMetadata();
            Template t = new Template(
                    model.getFeatureIDMap(),
                    model.getOutputIDInfo(),
                    model.generatesProbabilities(),
                    model.getName(),
                    meta.getSerializedSize(),
                    any.getValue().size(),
                    any.getSerializedSize(),
                    data.length,
                    false);
            boolean exact = meta.getName().equals(model.getName())
                    && t.size(model.getName(), cache.nodeBytes(model)) == data.length;
            return new Template(
                    t.features(),
                    t.outputs(),
                    t.probabilities(),
                    t.name(),
                    t.meta(),
                    t.tree(),
                    t.any(),
                    t.total(),
                    exact);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("codec tribuo wrote a message it cannot read back", e);
        }
    }

    /** Bytes of a proto3 string field (none when empty). */
    private static int string(String s) {
        return s.isEmpty() ? 0 : CodedOutputStream.computeStringSize(ModelDataProto.NAME_FIELD_NUMBER, s);
    }

    /** Bytes of a length-delimited field (tag, length prefix, content) of {@code length} content bytes. */
    private static long lengthDelimited(int field, long length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(length) + length;
    }
}
