package org.prunekit.prune.nn;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.List;
import org.prunekit.data.Standardizer;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

/**
 * Protobuf form of {@link MlpModel}, without generated code: the message type is declared at run time from a
 * descriptor (equivalent to the .proto below) and written with {@link DynamicMessage}, then packed in Tribuo's
 * {@code ModelProto} ({@code version}, {@code class_name}, {@code Any serialized_data}) like every Tribuo model.
 * Doubles are little-endian IEEE-754, masks one bit per weight (bit k = weight k live).
 *
 * <pre>
 * syntax = "proto3";
 * package prunekit.nn;
 * import "tribuo-core.proto";
 * message MlpModelProto {
 *   tribuo.core.ModelDataProto metadata = 1;  // name, provenance, feature and output domains
 *   repeated int32 widths = 2;                 // input, hidden..., classes
 *   string activation = 3;                     // relu | tanh
 *   bytes means = 4;                           // standardisation, one double per feature
 *   bytes scales = 5;
 *   repeated bytes weights = 6;                // per layer, in x out row-major doubles
 *   repeated bytes biases = 7;                 // per layer, out doubles
 *   repeated bytes masks = 8;                  // per layer, bit set of live weights
 *   int64 reference_parameters = 9;            // parameters of the unpruned ancestor
 * }
 * </pre>
 */
final class MlpModelProtos {

    static final int VERSION = 0;
    static final Descriptor DESCRIPTOR = descriptor();

    private MlpModelProtos() {}

    static ModelProto serialize(MlpModel model, ModelDataProto metadata) {
        MlpNet net = model.net();
        DynamicMessage.Builder b = DynamicMessage.newBuilder(DESCRIPTOR);
        b.setField(field("metadata"), metadata);
        for (int w : net.widths()) {
            b.addRepeatedField(field("widths"), w);
        }
        b.setField(field("activation"), net.activation().configName());
        b.setField(field("means"), doubles(model.standardizer().means()));
        b.setField(field("scales"), doubles(model.standardizer().scales()));
        for (int l = 0; l < net.layers(); l++) {
            b.addRepeatedField(field("weights"), doubles(net.weights(l)));
            b.addRepeatedField(field("biases"), doubles(net.biases(l)));
            BitSet bits = new BitSet();
            boolean[] m = net.mask(l);
            for (int k = 0; k < m.length; k++) {
                bits.set(k, m[k]);
            }
            b.addRepeatedField(field("masks"), ByteString.copyFrom(bits.toByteArray()));
        }
        b.setField(field("reference_parameters"), model.referenceParameters());
        return ModelProto.newBuilder()
                .setVersion(VERSION)
                .setClassName(MlpModel.class.getName())
                .setSerializedData(Any.pack(b.build()))
                .build();
    }

    @SuppressWarnings("unchecked")
    static MlpModel deserialize(int version, String className, Any any) throws InvalidProtocolBufferException {
        if (version < 0 || version > VERSION) {
            throw new IllegalArgumentException(
                    "unknown MlpModel proto version " + version + ", expected <= " + VERSION);
        }
        String expected = "type.googleapis.com/" + DESCRIPTOR.getFullName();
        if (!any.getTypeUrl().equals(expected)) {
            throw new InvalidProtocolBufferException("expected " + expected + " but found " + any.getTypeUrl());
        }
        DynamicMessage m = DynamicMessage.parseFrom(DESCRIPTOR, any.getValue());
        ModelDataProto metaProto = ModelDataProto.parseFrom(((Message) m.getField(field("metadata"))).toByteString());
        ModelDataCarrier<?> meta = ModelDataCarrier.deserialize(metaProto);
        ImmutableOutputInfo<?> outputs = meta.outputDomain();
        if (outputs.getDomain().stream().anyMatch(o -> !(o instanceof Label))) {
            throw new IllegalStateException("MlpModel proto does not hold a classification (Label) domain");
        }
        List<Integer> widthList = (List<Integer>) m.getField(field("widths"));
        int[] widths = widthList.stream().mapToInt(Integer::intValue).toArray();
        int layers = widths.length - 1;
        List<ByteString> ws = (List<ByteString>) m.getField(field("weights"));
        List<ByteString> bs = (List<ByteString>) m.getField(field("biases"));
        List<ByteString> ms = (List<ByteString>) m.getField(field("masks"));
        if (layers < 1 || ws.size() != layers || bs.size() != layers || ms.size() != layers) {
            throw new InvalidProtocolBufferException("MlpModel proto has inconsistent layer counts");
        }
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        boolean[][] mask = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = doubles(ws.get(l));
            b[l] = doubles(bs.get(l));
            BitSet bits = BitSet.valueOf(ms.get(l).toByteArray());
            mask[l] = new boolean[w[l].length];
            for (int k = 0; k < mask[l].length; k++) {
                mask[l][k] = bits.get(k);
            }
        }
        MlpNet net = MlpNet.of(widths, Activation.byName((String) m.getField(field("activation"))), w, b, mask);
        Standardizer s = new Standardizer(
                doubles((ByteString) m.getField(field("means"))), doubles((ByteString) m.getField(field("scales"))));
        return new MlpModel(
                meta.name(),
                meta.provenance(),
                meta.featureDomain(),
                (ImmutableOutputInfo<Label>) outputs,
                s,
                net,
                (Long) m.getField(field("reference_parameters")));
    }

    private static FieldDescriptor field(String name) {
        return DESCRIPTOR.findFieldByName(name);
    }

    private static ByteString doubles(double[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(v);
        return ByteString.copyFrom(buf.array());
    }

    private static double[] doubles(ByteString bytes) {
        double[] v = new double[bytes.size() / Double.BYTES];
        bytes.asReadOnlyByteBuffer()
                .order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer()
                .get(v);
        return v;
    }

    private static Descriptor descriptor() {
        Descriptors.FileDescriptor tribuo = ModelDataProto.getDescriptor().getFile();
        DescriptorProto.Builder msg = DescriptorProto.newBuilder().setName("MlpModelProto");
        add(msg, "metadata", 1, FieldDescriptorProto.Type.TYPE_MESSAGE, false, ".tribuo.core.ModelDataProto");
        add(msg, "widths", 2, FieldDescriptorProto.Type.TYPE_INT32, true, null);
        add(msg, "activation", 3, FieldDescriptorProto.Type.TYPE_STRING, false, null);
        add(msg, "means", 4, FieldDescriptorProto.Type.TYPE_BYTES, false, null);
        add(msg, "scales", 5, FieldDescriptorProto.Type.TYPE_BYTES, false, null);
        add(msg, "weights", 6, FieldDescriptorProto.Type.TYPE_BYTES, true, null);
        add(msg, "biases", 7, FieldDescriptorProto.Type.TYPE_BYTES, true, null);
        add(msg, "masks", 8, FieldDescriptorProto.Type.TYPE_BYTES, true, null);
        add(msg, "reference_parameters", 9, FieldDescriptorProto.Type.TYPE_INT64, false, null);
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("prunekit/nn/mlp-model.proto")
                .setPackage("prunekit.nn")
                .setSyntax("proto3")
                .addDependency(tribuo.getName())
                .addMessageType(msg)
                .build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[] {tribuo})
                    .findMessageTypeByName("MlpModelProto");
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException("bad MlpModelProto descriptor", e);
        }
    }

    private static void add(
            DescriptorProto.Builder msg,
            String name,
            int number,
            FieldDescriptorProto.Type type,
            boolean repeated,
            String typeName) {
        FieldDescriptorProto.Builder f = FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(
                        repeated
                                ? FieldDescriptorProto.Label.LABEL_REPEATED
                                : FieldDescriptorProto.Label.LABEL_OPTIONAL);
        if (typeName != null) {
            f.setTypeName(typeName);
        }
        msg.addField(f);
    }
}
