package org.prunekit.protocol;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.WeightedEnsembleModelProto;

/**
 * What the harness measures of every candidate besides its {@link ModelSize}: the serialized size and the
 * single-thread prediction latency.
 */
public final class SizeMeter {

    /** Serialized size and the format it was measured in ({@code protobuf}, {@code java} or {@code none}). */
    public record Bytes(long bytes, String format) {}

    /** ISO-8601 timestamps that Tribuo writes into provenance, with the fraction digits it trims. */
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})");

    private static final int WARM_UP = 3;

    private SizeMeter() {}

    /**
     * Size of the model's Tribuo protobuf form ({@code model.serialize()}) without its provenance records (the top-level
     * one, and each member's in a Tribuo ensemble)
     * (the training history: several kB of host, time and trainer settings that say nothing about the model's size
     * and change with the wall clock). Tribuo model protos keep their {@code ModelDataProto} in field 1, which holds
     * the provenance; when a model does not follow that layout the whole message is counted. Timestamps left inside
     * (members of ensembles) are counted at their full nanosecond width, so the figure does not depend on the clock.
     * When the model does not support protobuf: its Java serialization size without provenance, format {@code java}.
     */
    public static Bytes bytes(Model<Label> model) {
        return bytes(model, Model::serialize);
    }

    /**
     * As {@link #bytes(Model)}, with the protobuf form from {@code serializer}, which must equal
     * {@code model.serialize()} (e.g. a {@link org.tribuo.common.tree.TreeProtoCache} that reuses what the
     * candidates of one path share).
     */
    public static Bytes bytes(Model<Label> model, Function<Model<Label>, ModelProto> serializer) {
        try {
            ModelProto proto = serializer.apply(model);
            byte[] b = withoutProvenance(proto).toByteArray();
            return new Bytes(b.length + timestampPadding(b), "protobuf");
        } catch (RuntimeException | LinkageError e) {
            // fall through to Java serialization
        }
        try {
            Counting c = new Counting();
            try (ObjectOutputStream out = new WithoutProvenance(c)) {
                out.writeObject(model);
            }
            return new Bytes(c.count, "java");
        } catch (IOException | RuntimeException e) {
            return new Bytes(-1, "none");
        }
    }

    static ModelProto withoutProvenance(ModelProto proto) {
        try {
            Any any = proto.getSerializedData();
            if (any.is(WeightedEnsembleModelProto.class)) {
                // members carry their own provenance (with training timestamps whose printed width varies, and so
                // the varint lengths around them): strip it from every member too, so the size is the model's alone
                WeightedEnsembleModelProto e = any.unpack(WeightedEnsembleModelProto.class);
                WeightedEnsembleModelProto.Builder b = e.toBuilder().clearModels();
                e.getModelsList().forEach(m -> b.addModels(withoutProvenance(m)));
                if (e.hasMetadata()) {
                    b.setMetadata(e.getMetadata().toBuilder().clearProvenance());
                }
                return proto.toBuilder().setSerializedData(Any.pack(b.build())).build();
            }
            UnknownFieldSet fields = UnknownFieldSet.parseFrom(any.getValue());
            UnknownFieldSet.Field meta = fields.getField(1);
            if (meta.getLengthDelimitedList().size() != 1) {
                return proto;
            }
            ModelDataProto data =
                    ModelDataProto.parseFrom(meta.getLengthDelimitedList().get(0));
            if (!data.hasProvenance()) {
                return proto;
            }
            ByteString stripped = data.toBuilder().clearProvenance().build().toByteString();
            UnknownFieldSet rebuilt = fields.toBuilder()
                    .clearField(1)
                    .addField(
                            1,
                            UnknownFieldSet.Field.newBuilder()
                                    .addLengthDelimited(stripped)
                                    .build())
                    .build();
            return proto.toBuilder()
                    .setSerializedData(any.toBuilder().setValue(rebuilt.toByteString()))
                    .build();
        } catch (InvalidProtocolBufferException e) {
            return proto;
        }
    }

    /** Characters that trimmed fraction digits of timestamps in {@code b} lack, to count every one at full width. */
    static int timestampPadding(byte[] b) {
        Matcher m = null;
        int pad = 0;
        // the regex is tried only where the fixed characters of "dddd-dd-ddTdd:dd" are (a plain byte test): a
        // protobuf tree of megabytes has none, and Matcher.find would try the pattern at every byte
        for (int at = 0; at + 16 <= b.length; at++) {
            if (b[at + 4] != '-' || b[at + 7] != '-' || b[at + 10] != 'T' || b[at + 13] != ':') {
                continue;
            }
            if (m == null) {
                m = TIMESTAMP.matcher(new String(b, StandardCharsets.ISO_8859_1));
            }
            if (!m.region(at, b.length).lookingAt()) {
                continue;
            }
            String frac = m.group(1);
            int fracLen = frac == null ? 0 : frac.length();
            boolean hasSeconds = m.group().length() >= 19 && m.group().charAt(16) == ':';
            pad += (hasSeconds ? 0 : 3) + (10 - fracLen);
            at = m.end() - 1;
        }
        return pad;
    }

    /**
     * Median single-thread latency in microseconds per row of predicting {@code rows} one batch at a time, after
     * {@value #WARM_UP} warm-up batches.
     */
    public static double latencyMicros(Model<Label> model, List<Example<Label>> rows, int repeats) {
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        List<Example<Label>> batch = new ArrayList<>(rows);
        for (int i = 0; i < WARM_UP; i++) {
            model.predict(batch);
        }
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            model.predict(batch);
            t[i] = (System.nanoTime() - start) / 1000.0 / batch.size();
        }
        Arrays.sort(t);
        return repeats % 2 == 1 ? t[repeats / 2] : (t[repeats / 2 - 1] + t[repeats / 2]) / 2;
    }

    /**
     * Java serialization with every OLCUT {@link Provenance} written as null, and so each Tribuo model's
     * {@code provenanceOutput} (its provenance printed as text when it was built): the training history says nothing
     * about a model's size, and the printed timestamps have a varying width (trailing zero digits of the fraction are
     * dropped), which made two identical runs report different sizes.
     */
    private static final class WithoutProvenance extends ObjectOutputStream {

        private final Set<String> provenanceTexts = new HashSet<>();

        WithoutProvenance(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof Provenance) {
                return null;
            }
            if (obj instanceof Model<?> m && m.getProvenance() != null) {
                // replaceObject sees the model before its fields, so its printed provenance is known when it comes
                provenanceTexts.add(m.getProvenance().toString());
            } else if (obj instanceof String s && provenanceTexts.contains(s)) {
                return null;
            }
            return obj;
        }
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
