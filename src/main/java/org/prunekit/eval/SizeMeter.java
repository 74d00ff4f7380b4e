package org.prunekit.eval;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * What the harness measures of every candidate besides its {@link ModelSize}: the serialized size and the
 * single-thread prediction latency.
 */
public final class SizeMeter {

    /** Serialized size and the format it was measured in ({@code protobuf}, {@code java} or {@code none}). */
    public record Bytes(long bytes, String format) {
    }

    /** ISO-8601 timestamps that Tribuo writes into provenance, with the fraction digits it trims. */
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final int WARM_UP = 3;

    private SizeMeter() {
    }

    /**
     * Size of the model's Tribuo protobuf form ({@code model.serialize()}); when the model does not support
     * protobuf, its Java serialization size. Provenance timestamps are counted at their full nanosecond width, so
     * the figure does not depend on the wall clock (the same model gives the same number on every run).
     */
    public static Bytes bytes(Model<Label> model) {
        try {
            byte[] b = model.serialize().toByteArray();
            return new Bytes(b.length + timestampPadding(b), "protobuf");
        } catch (RuntimeException | LinkageError e) {
            // fall through to Java serialization
        }
        try {
            Counting c = new Counting();
            try (ObjectOutputStream out = new ObjectOutputStream(c)) {
                out.writeObject(model);
            }
            return new Bytes(c.count, "java");
        } catch (IOException | RuntimeException e) {
            return new Bytes(-1, "none");
        }
    }

    /** Characters that trimmed fraction digits of timestamps in {@code b} lack, to count every one at full width. */
    static int timestampPadding(byte[] b) {
        Matcher m = TIMESTAMP.matcher(new String(b, StandardCharsets.ISO_8859_1));
        int pad = 0;
        while (m.find()) {
            String frac = m.group(1);
            int fracLen = frac == null ? 0 : frac.length();
            boolean hasSeconds = m.group().length() >= 19 && m.group().charAt(16) == ':';
            pad += (hasSeconds ? 0 : 3) + (10 - fracLen);
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

    private static final class Counting extends OutputStream {
        long count;

        @Override public void write(int b) {
            count++;
        }

        @Override public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
