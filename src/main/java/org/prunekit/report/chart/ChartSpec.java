package org.prunekit.report.chart;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The plain data of one chart, able to draw itself. Implemented by the {@code Data} record of each chart class, so a
 * report can hold a list of charts without knowing their kinds.
 */
public interface ChartSpec {

    /** File stem of the written images, e.g. {@code pareto} or {@code ccp-cart-ccp}. */
    String name();

    /** One sentence under the figure saying what is shown. */
    String caption();

    /** Builds the chart at {@link ChartStyle#WIDTH} × {@link ChartStyle#HEIGHT}. */
    Chart<?, ?> build();
}
