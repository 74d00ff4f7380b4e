package org.prunekit.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.ensemble.ForestFamily;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.provenance.ModelProvenance;

class SizeMeterTest {

    @Test
    void protobufBytesLeaveOutProvenanceAndDoNotDependOnTheClock() throws Exception {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, 100).toArray();
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        Model<Label> a = DummyClassifierTrainer.createMostFrequentTrainer().train(data);
        Thread.sleep(3);
        Model<Label> b = DummyClassifierTrainer.createMostFrequentTrainer().train(data);
        SizeMeter.Bytes ba = SizeMeter.bytes(a);
        assertEquals("protobuf", ba.format());
        assertEquals(ba, SizeMeter.bytes(b), "two trainings at different times, same size");
        int full = a.serialize().getSerializedSize();
        assertTrue(
                ba.bytes() < full - 2000,
                "provenance is kilobytes of a dummy model's " + full + " bytes, was " + ba.bytes());
        // the provenance record is what was removed: the size difference is that record's size (plus its tag)
        assertEquals(
                a.serialize().getClassName(),
                SizeMeter.withoutProvenance(a.serialize()).getClassName());
    }

    @Test
    void timestampsCountAtFullWidth() {
        String s = "x2026-11-27T02:22:09.1Z y2026-11-27T02:22:09.123456789+01:00 z2026-11-27T02:22Z";
        // 8 missing digits, 0, then ':ss' and '.nnnnnnnnn' missing: 13
        assertEquals(8 + 0 + 13, SizeMeter.timestampPadding(s.getBytes(StandardCharsets.ISO_8859_1)));
        // at the very start and end of the buffer, between binary bytes, and near misses that are not timestamps
        byte[] edge = "2026-11-27T02:22Z\u0001\u00ff1234-56-78T90:12:34.5+01:00".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(13 + 8, SizeMeter.timestampPadding(edge)); // '.5' lacks 8 of '.nnnnnnnnn'
        assertEquals(
                0,
                SizeMeter.timestampPadding(
                        "2026-11-27T02:2Z 2026-11-27 02:22Z 226-11-27T02:22Z".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(0, SizeMeter.timestampPadding(new byte[5]));
    }

    /**
     * Issue 15: two identical random-forest runs reported different {@code bytes} (4896741 vs 4896841). Each member
     * keeps its own provenance with a training timestamp whose printed width varies (trailing zero digits of the
     * fraction are dropped); padding the timestamp text does not undo the varint length prefixes around it, which
     * grow by a byte when a message crosses 128 bytes. Members' provenance is therefore left out as well: nothing of
     * the training history, and no timestamp, is counted.
     */
    @Test
    void ensembleBytesLeaveOutEveryMembersProvenance() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, 200).toArray();
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        ForestFamily forest = new ForestFamily(ForestFamily.RANDOM_FOREST);
        Model<Label> m =
                forest.trainer(new ForestFamily.ForestParams(5, 3, 0.5, 42)).train(data);
        byte[] measured = SizeMeter.withoutProvenance(m.serialize()).toByteArray();
        String text = new String(measured, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("trained-at"), "no member's training timestamp is counted");
        assertFalse(text.contains("provenance"), "no provenance record is counted");
        assertEquals(measured.length, SizeMeter.bytes(m).bytes(), "nothing is padded either");
        int full = m.serialize().getSerializedSize();
        assertTrue(measured.length < full, measured.length + " < " + full);
    }

    /**
     * A model only Java serialization writes (Smile's, comparison-only) is measured without its provenance too: two
     * copies whose provenance differs (another training time, a longer record) have the same size, and the size is
     * the model's own (it grows with its weights).
     */
    @Test
    void javaBytesLeaveOutProvenance() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, 100).toArray();
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        SizeMeter.Bytes small = SizeMeter.bytes(JavaOnlyModel.of(data, 10, "x"));
        assertEquals("java", small.format());
        assertEquals(small, SizeMeter.bytes(JavaOnlyModel.of(data, 10, "x".repeat(500))), "provenance not counted");
        assertEquals(
                small.bytes() + 8 * 990,
                SizeMeter.bytes(JavaOnlyModel.of(data, 1000, "x")).bytes(),
                "990 more doubles are 990 x 8 more bytes");
    }

    /** A Tribuo model without a protobuf form: its weights, and a provenance with one extra record. */
    private static final class JavaOnlyModel extends Model<Label> {
        private static final long serialVersionUID = 1L;
        private final double[] weights;

        private JavaOnlyModel(MutableDataset<Label> data, ModelProvenance p, double[] weights) {
            super("java-only", p, data.getFeatureIDMap(), data.getOutputIDInfo(), false);
            this.weights = weights;
        }

        static JavaOnlyModel of(MutableDataset<Label> data, int weights, String note) {
            ModelProvenance p = new ModelProvenance(
                    JavaOnlyModel.class.getName(),
                    OffsetDateTime.now(),
                    data.getProvenance(),
                    DummyClassifierTrainer.createMostFrequentTrainer().getProvenance(),
                    Map.of("note", new StringProvenance("note", note)));
            return new JavaOnlyModel(data, p, new double[weights]);
        }

        @Override
        public Prediction<Label> predict(Example<Label> example) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
            return Map.of();
        }

        @Override
        public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
            return Optional.empty();
        }

        @Override
        protected Model<Label> copy(String name, ModelProvenance p) {
            throw new UnsupportedOperationException();
        }
    }
}
