package org.prunekit.api;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.prunekit.report.ArmSummary;
import org.prunekit.report.ReportData;
import org.prunekit.report.ResultsLayout;
import org.prunekit.report.ResultsReader;

/**
 * The results of a {@link Study}, read back from the results folder the run wrote: the numbers of the CLI's
 * {@code summary.md}, {@code candidates.csv} and {@code cp-table.csv}, as plain records.
 *
 * @param directory  the results folder
 * @param name       the study's name
 * @param metric     the selection metric
 * @param rule       the selection rule
 * @param arms       one summary per arm, in config order
 * @param candidates every candidate of every cell: outer-fold cells (with outer-test scores), then refits on all
 *                   rows ({@code repeat = fold = -1}, inner scores of the selection metric only)
 * @param warnings   pitfalls and problems the run detected
 */
public record StudyResult(
        Path directory,
        String name,
        String metric,
        String rule,
        List<Arm> arms,
        List<Candidate> candidates,
        List<String> warnings) {

    public StudyResult {
        arms = List.copyOf(arms);
        candidates = List.copyOf(candidates);
        warnings = List.copyOf(warnings);
    }

    /**
     * One arm's chosen points, averaged over outer folds (a row of {@code summary.md}).
     *
     * @param name           arm name
     * @param family         model family
     * @param method         pruning method
     * @param mean           outer-fold mean of the selection metric at the chosen points
     * @param sd             its outer-fold standard deviation
     * @param nonZero        mean non-zero parameters of the chosen points
     * @param denseMean      outer-fold mean of the selection metric of the unpruned candidate
     * @param denseNonZero   mean non-zero parameters of the unpruned candidate
     * @param bytes          mean serialized size of the chosen points
     * @param latencyMicros  mean prediction latency per row, microseconds
     */
    public record Arm(
            String name,
            String family,
            String method,
            double mean,
            double sd,
            double nonZero,
            double denseMean,
            double denseNonZero,
            double bytes,
            double latencyMicros) {}

    /**
     * One candidate of one cell.
     *
     * @param arm       arm name
     * @param repeat    outer repeat, -1 for the refit on all rows
     * @param fold      outer fold, -1 for the refit on all rows
     * @param index     position in the cell's path (0 = least pruned)
     * @param chosen    whether the selection rule chose it
     * @param strength  its pruning strength
     * @param nonZero   its non-zero parameters
     * @param innerMean inner (selection) mean score per metric
     * @param outer     outer-test score per metric; empty for refits
     */
    public record Candidate(
            String arm,
            int repeat,
            int fold,
            int index,
            boolean chosen,
            double strength,
            long nonZero,
            Map<String, Double> innerMean,
            Map<String, Double> outer) {

        public Candidate {
            innerMean = Map.copyOf(innerMean);
            outer = Map.copyOf(outer);
        }
    }

    /** Reads a results folder written by the CLI or by {@link Study#run}. */
    static StudyResult read(Path dir) {
        ReportData data = ResultsReader.read(dir);
        List<Arm> arms = new ArrayList<>();
        for (ArmSummary a : data.arms()) {
            arms.add(new Arm(
                    a.arm(),
                    a.family(),
                    a.method(),
                    a.mean(),
                    a.sd(),
                    a.nonZeroParameters(),
                    a.denseMean(),
                    a.denseNonZero(),
                    a.bytes(),
                    a.latencyUs()));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (CSVRecord r : records(dir.resolve(ResultsLayout.CANDIDATES))) {
            Map<String, Double> inner = new LinkedHashMap<>();
            Map<String, Double> outer = new LinkedHashMap<>();
            for (String column : r.getParser().getHeaderNames()) {
                if (column.startsWith("inner_mean_")) {
                    inner.put(metricName(column, "inner_mean_"), number(r.get(column)));
                } else if (column.startsWith("outer_")) {
                    outer.put(metricName(column, "outer_"), number(r.get(column)));
                }
            }
            candidates.add(candidate(r, inner, outer));
        }
        for (CSVRecord r : records(dir.resolve(ResultsLayout.CP_TABLE))) {
            if (Integer.parseInt(r.get(ResultsLayout.REPEAT)) < 0
                    && !r.get(ResultsLayout.CANDIDATE).isEmpty()) { // steps that were not candidates have no score
                candidates.add(candidate(
                        r, Map.of(r.get("selection_metric"), number(r.get(ResultsLayout.INNER_MEAN))), Map.of()));
            }
        }
        return new StudyResult(
                dir, data.name(), data.selectionMetric(), data.selectionRule(), arms, candidates, data.warnings());
    }

    private static Candidate candidate(CSVRecord r, Map<String, Double> inner, Map<String, Double> outer) {
        return new Candidate(
                r.get(ResultsLayout.ARM),
                Integer.parseInt(r.get(ResultsLayout.REPEAT)),
                Integer.parseInt(r.get(ResultsLayout.FOLD)),
                Integer.parseInt(r.get(ResultsLayout.CANDIDATE)),
                r.get(ResultsLayout.CHOSEN).equals("1"),
                number(r.get(ResultsLayout.STRENGTH)),
                Long.parseLong(r.get(ResultsLayout.NON_ZERO)),
                inner,
                outer);
    }

    /** Column names use underscores; metric names use hyphens. */
    private static String metricName(String column, String prefix) {
        return column.substring(prefix.length()).replace('_', '-');
    }

    private static double number(String text) {
        return text.isBlank() || text.equalsIgnoreCase("NA") ? Double.NaN : Double.parseDouble(text);
    }

    private static List<CSVRecord> records(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
