package org.prunekit.prune.linear;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;

/**
 * The protobuf message of a {@link SparseLinearModel}, defined in code (no protoc step in the build):
 * <pre>
 * message SparseLinearModelProto {
 *   bytes metadata = 1;              // Tribuo ModelDataProto (name, provenance, feature and output domains)
 *   repeated string classes = 2;     // class order of the predictors
 *   double lambda = 3;
 *   repeated double intercepts = 4;
 *   repeated double coefficients = 5; // [predictor][feature id], row-major
 *   repeated string columns = 6;     // source column per feature id (one-hot columns share one)
 * }</pre>
 * Carried in Tribuo's {@code ModelProto.serialized_data} as a {@code google.protobuf.Any}.
 */
final class SparseLinearModelProto {

    static final String FULL_NAME = "prunekit.SparseLinearModelProto";
    static final Descriptors.Descriptor DESCRIPTOR = build();

    private SparseLinearModelProto() {}

    private static Descriptors.Descriptor build() {
        DescriptorProto msg = DescriptorProto.newBuilder()
                .setName("SparseLinearModelProto")
                .addField(field("metadata", 1, FieldDescriptorProto.Type.TYPE_BYTES, false))
                .addField(field("classes", 2, FieldDescriptorProto.Type.TYPE_STRING, true))
                .addField(field("lambda", 3, FieldDescriptorProto.Type.TYPE_DOUBLE, false))
                .addField(field("intercepts", 4, FieldDescriptorProto.Type.TYPE_DOUBLE, true))
                .addField(field("coefficients", 5, FieldDescriptorProto.Type.TYPE_DOUBLE, true))
                .addField(field("columns", 6, FieldDescriptorProto.Type.TYPE_STRING, true))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("prunekit/sparse_linear_model.proto")
                .setPackage("prunekit")
                .setSyntax("proto3")
                .addMessageType(msg)
                .build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName("SparseLinearModelProto");
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldDescriptorProto field(
            String name, int number, FieldDescriptorProto.Type type, boolean repeated) {
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(
                        repeated
                                ? FieldDescriptorProto.Label.LABEL_REPEATED
                                : FieldDescriptorProto.Label.LABEL_OPTIONAL)
                .build();
    }

    static Descriptors.FieldDescriptor field(String name) {
        return DESCRIPTOR.findFieldByName(name);
    }
}
