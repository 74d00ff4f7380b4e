/**
 * Results a person can read and a program can reload. Writing: per-cell JSON files (for resume),
 * the output-folder rules (no overwrite without {@code --force}, never a folder prunekit did not write), the result
 * tables ({@code candidates.csv}, {@code selected.csv}, {@code cp-table.csv}, {@code path-columns.csv}), the summaries ({@code summary.md},
 * {@code summary.json}) and saved models (Tribuo protobuf only, with provenance JSON). Reading and showing:
 * {@link org.prunekit.report.ReportData} (plain records), {@link org.prunekit.report.ReportWriter} which writes
 * {@code plots/} and a self-contained {@code report.html}, and {@link org.prunekit.report.ResultsReader} which rebuilds
 * a {@code ReportData} from a saved results folder (its file and column names live only in
 * {@link org.prunekit.report.ResultsLayout}).
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.report;
