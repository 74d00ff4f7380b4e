/**
 * Charts of pruning studies drawn with XChart: one small class per chart kind, each taking a record of parallel
 * arrays ({@code Data}, a {@link org.prunekit.report.chart.ChartSpec}); the shared look in
 * {@link org.prunekit.report.chart.ChartStyle}; PNG and SVG files written atomically by
 * {@link org.prunekit.report.chart.ChartFiles}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.report.chart;
