package org.prunekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.prunekit.data.BadRowPolicy;
import org.prunekit.data.Column;
import org.prunekit.data.ColumnType;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.InputException;
import org.prunekit.data.MissingPolicy;
import org.prunekit.data.ReadResult;
import org.prunekit.data.Schema;
import org.prunekit.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunekit describe FILE}: reads a CSV as a run would and prints its rows, each column's type and missing
 * count, the class counts, the imbalance ratio (majority / minority) and the minority share.
 */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = "Describe a CSV dataset: rows, column types, missing values, class balance.")
public final class DescribeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header row (UTF-8).")
    private Path file;

    @Option(
            names = "--target",
            paramLabel = "COL",
            defaultValue = Schema.DEFAULT_TARGET,
            description = "Name of the class column (default: ${DEFAULT-VALUE}).")
    private String target;

    @Option(
            names = "--missing-token",
            paramLabel = "TOKEN",
            description = "A value that means missing besides the empty field (repeatable), e.g. ? or NA.")
    private List<String> missingTokens = new ArrayList<>();

    @Option(
            names = "--missing",
            paramLabel = "POLICY",
            defaultValue = "impute",
            description = "Missing values: drop-rows, impute or error (default: ${DEFAULT-VALUE}).")
    private String missing;

    @Option(
            names = "--bad-rows",
            paramLabel = "POLICY",
            defaultValue = "error",
            description = "Bad rows: error or skip (default: ${DEFAULT-VALUE}).")
    private String badRows;

    @Option(
            names = "--type",
            paramLabel = "COL=TYPE",
            description = "Override a column's type: numeric or categorical (repeatable).")
    private Map<String, String> types = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Schema schema = schema();
        ReadResult result = new CsvTableReader(schema).load(file);
        print(spec.commandLine().getOut(), file.toString(), result);
        return Main.OK;
    }

    /** All option checks in one place; a bad value is exit code 2 with the option named. */
    private Schema schema() {
        try {
            Map<String, ColumnType> typed = new LinkedHashMap<>();
            types.forEach((k, v) -> typed.put(k, ColumnType.parse(v)));
            return Schema.of(target)
                    .withTypes(typed)
                    .withMissingTokens(Set.copyOf(new HashSet<>(missingTokens)))
                    .withMissing(MissingPolicy.parse(missing))
                    .withBadRows(BadRowPolicy.parse(badRows));
        } catch (IllegalArgumentException e) {
            throw new InputException("describe options", e.getMessage());
        }
    }

    static void print(PrintWriter out, String file, ReadResult result) {
        Table t = result.table();
        int n = t.rows();
        out.printf(Locale.ROOT, "file: %s%n", file);
        out.printf(Locale.ROOT, "rows: %d%n", n);
        if (result.skippedRows() > 0) {
            out.printf(Locale.ROOT, "skipped bad rows: %d%n", result.skippedRows());
            for (String p : result.problems()) {
                out.printf(Locale.ROOT, "  %s%n", p);
            }
            if (result.skippedRows() > result.problems().size()) {
                out.printf(
                        Locale.ROOT,
                        "  ... (%d more)%n",
                        result.skippedRows() - result.problems().size());
            }
        }
        if (result.droppedRows() > 0) {
            out.printf(Locale.ROOT, "dropped rows with missing values: %d%n", result.droppedRows());
        }
        long numeric =
                t.columns().stream().filter(c -> c instanceof Column.Numeric).count();
        out.printf(
                Locale.ROOT,
                "columns: %d (%d numeric, %d categorical) + target '%s'%n",
                t.columns().size(),
                numeric,
                t.columns().size() - numeric,
                t.target());
        int width = Math.max(
                6, t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + width + "s  %-11s  %8s  %s%n", "column", "type", "missing", "distinct");
        long missingCells = 0;
        List<String> warnings = new ArrayList<>();
        for (Column c : t.columns()) {
            int miss = 0;
            for (int r = 0; r < n; r++) {
                if (c.isMissing(r)) {
                    miss++;
                }
            }
            missingCells += miss;
            int distinct = distinct(c);
            String type = c instanceof Column.Numeric ? "numeric" : "categorical";
            out.printf(Locale.ROOT, "  %-" + width + "s  %-11s  %8d  %d%n", c.name(), type, miss, distinct);
            if (miss == n) {
                warnings.add("column '" + c.name() + "' has no values (all missing)");
            } else if (distinct == 1) {
                warnings.add("column '" + c.name() + "' is constant");
            }
        }
        out.printf(Locale.ROOT, "missing cells: %d%n", missingCells);
        Map<String, Integer> counts = new TreeMap<>();
        for (int r = 0; r < n; r++) {
            counts.merge(t.label(r), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "classes: %d%n", counts.size());
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        int labelWidth = Math.max(
                5, byCount.stream().mapToInt(e -> e.getKey().length()).max().orElse(0));
        for (var e : byCount) {
            out.printf(
                    Locale.ROOT,
                    "  class %-" + labelWidth + "s  %8d  %6.2f %%%n",
                    e.getKey(),
                    e.getValue(),
                    100.0 * e.getValue() / n);
        }
        int majority = byCount.get(0).getValue();
        var min = byCount.get(byCount.size() - 1);
        out.printf(Locale.ROOT, "imbalance ratio (majority/minority): %.2f%n", (double) majority / min.getValue());
        out.printf(Locale.ROOT, "minority class: %s, share %.2f %%%n", min.getKey(), 100.0 * min.getValue() / n);
        for (String w : warnings) {
            out.printf(Locale.ROOT, "warning: %s%n", w);
        }
    }

    private static int distinct(Column c) {
        if (c instanceof Column.Numeric num) {
            double[] v = Arrays.stream(num.values())
                    .filter(d -> !Double.isNaN(d))
                    .sorted()
                    .toArray();
            int d = v.length == 0 ? 0 : 1;
            for (int i = 1; i < v.length; i++) {
                if (v[i] != v[i - 1]) {
                    d++;
                }
            }
            return d;
        }
        Column.Categorical cat = (Column.Categorical) c;
        Set<String> s = new HashSet<>();
        for (int r = 0; r < cat.size(); r++) {
            if (!cat.isMissing(r)) {
                s.add(cat.get(r));
            }
        }
        return s.size();
    }
}
