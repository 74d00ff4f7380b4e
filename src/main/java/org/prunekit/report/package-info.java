/**
 * Readable results: {@link org.prunekit.report.ReportData} (plain records: dataset summary, per-arm table, paired
 * comparisons, chart data, warnings), {@link org.prunekit.report.ReportWriter} which writes {@code plots/} and a
 * self-contained {@code report.html} from it, and {@link org.prunekit.report.ResultsReader} which rebuilds a
 * {@code ReportData} from a saved results folder (its file and column names live only in
 * {@link org.prunekit.report.ResultsLayout}).
 */
package org.prunekit.report;
