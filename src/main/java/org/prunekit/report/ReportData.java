package org.prunekit.report;

import java.util.List;
import java.util.Objects;
import org.prunekit.report.chart.ChartSpec;

/**
 * Everything {@code report.html} shows, as plain data, independent of how results are stored. Strings may come from
 * users (config values, arm and column names): the renderer escapes them all.
 *
 * @param name            the study name
 * @param configText      the config file as run (shown verbatim)
 * @param dataset         the data summary
 * @param selectionMetric the metric candidates were chosen by
 * @param selectionRule   the rule ({@code best}, {@code one-se}, {@code budget})
 * @param arms            one row per arm
 * @param comparisons     paired comparisons between arms
 * @param charts          the figures, in order
 * @param warnings        pitfalls and problems detected by the run, one line each
 */
public record ReportData(
        String name,
        String configText,
        DatasetSummary dataset,
        String selectionMetric,
        String selectionRule,
        List<ArmSummary> arms,
        List<PairedComparison> comparisons,
        List<ChartSpec> charts,
        List<String> warnings,
        List<List<String>> timeTable,
        String timeNote) {

    /** Report data without a time breakdown. */
    public ReportData(
            String name,
            String configText,
            DatasetSummary dataset,
            String selectionMetric,
            String selectionRule,
            List<ArmSummary> arms,
            List<PairedComparison> comparisons,
            List<ChartSpec> charts,
            List<String> warnings) {
        this(
                name,
                configText,
                dataset,
                selectionMetric,
                selectionRule,
                arms,
                comparisons,
                charts,
                warnings,
                null,
                null);
    }

    public ReportData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configText, "configText");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(selectionMetric, "selectionMetric");
        Objects.requireNonNull(selectionRule, "selectionRule");
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
        charts = List.copyOf(charts);
        warnings = List.copyOf(warnings);
        timeTable = timeTable == null
                ? List.of()
                : timeTable.stream().map(List::copyOf).toList();
    }
}
