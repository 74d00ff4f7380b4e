package org.prunekit.run;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.prunekit.testing.StudyFiles;

/** A small two-arm study for run tests, and CSV comparison without timing columns. */
final class RunFiles {

    static final Set<String> TIMING = Set.of("latency_us", "dense_latency_us");

    private RunFiles() {}

    /** A study of {@code rows} synthetic rows: a LibLinear arm pruned by test-shrink, and a baseline arm. */
    static Path study(Path dir, int rows, int folds, int repeats, String timing) {
        Path csv = StudyFiles.syntheticCsv(dir, rows, 5);
        return StudyFiles.write(
                dir.resolve("study.yaml"),
                "name: study\n"
                        + "data: {path: '" + csv + "', positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: " + folds + ", repeats: " + repeats
                        + "}, inner: {folds: 3}, seed: 7}\n"
                        + "imbalance: {strategy: class-weights}\n"
                        + "metrics: [balanced-accuracy, average-precision, accuracy]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "timing: " + timing + "\n"
                        + "arms:\n"
                        + "  - {name: lin, model: {family: test-linear, cost: 0.5}, prune: {method: test-shrink}}\n"
                        + "  - {name: lin-dense, model: {family: test-linear, cost: 0.5}, prune: {method: none}}\n");
    }

    /** A parser of the CSV file {@code csv}, its first line the header. */
    static CSVParser parse(Path csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(csv)));
    }

    /** The CSV file's text with the timing columns removed. */
    static String withoutTiming(Path csv) {
        try (CSVParser p = parse(csv)) {
            List<String> keep =
                    p.getHeaderNames().stream().filter(h -> !TIMING.contains(h)).toList();
            StringBuilder b = new StringBuilder(String.join(",", keep)).append('\n');
            for (CSVRecord r : p) {
                List<String> v = new ArrayList<>();
                keep.forEach(h -> v.add(r.get(h)));
                b.append(String.join(",", v)).append('\n');
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
