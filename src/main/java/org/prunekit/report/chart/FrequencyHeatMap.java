package org.prunekit.report.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.HeatMapChart;

/**
 * Selection-frequency heat map: for each feature (row) and selector (column) the fraction of outer folds whose
 * selection contained the feature. Stable selectors show columns of 0s and 1s; unstable ones show greys.
 */
public final class FrequencyHeatMap {

    private FrequencyHeatMap() {}

    /**
     * @param features  row labels
     * @param selectors column labels
     * @param frequency {@code frequency[row][column]} in [0, 1]
     */
    public record Data(String name, List<String> features, List<String> selectors, double[][] frequency)
            implements ChartSpec {
        public Data {
            Objects.requireNonNull(name, "name");
            features = List.copyOf(features);
            selectors = List.copyOf(selectors);
            if (frequency.length != features.size()) {
                throw new IllegalArgumentException(frequency.length + " rows for " + features.size() + " features");
            }
            double[][] copy = new double[frequency.length][];
            for (int r = 0; r < copy.length; r++) {
                if (frequency[r].length != selectors.size()) {
                    throw new IllegalArgumentException("row " + features.get(r) + " has " + frequency[r].length
                            + " values for " + selectors.size() + " selectors");
                }
                for (double v : frequency[r]) {
                    if (!(v >= 0 && v <= 1)) {
                        throw new IllegalArgumentException("selection frequency must be in [0, 1] but was " + v);
                    }
                }
                copy[r] = frequency[r].clone();
            }
            frequency = copy;
        }

        @Override
        public double[][] frequency() {
            return Arrays.stream(frequency).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public String caption() {
            return "Fraction of outer folds in which each arm's chosen model used each feature (1 = always); features no arm "
                    + "used are left out.";
        }

        @Override
        public HeatMapChart build() {
            return chart(this);
        }
    }

    public static HeatMapChart chart(Data d) {
        HeatMapChart chart = ChartStyle.heatMap(
                "Selection frequency across outer folds", "arm (selector or pruned model)", "feature", 0, 1);
        // XChart draws row 0 at the bottom; reverse so the first feature is on top, as in a table
        List<String> rows = new ArrayList<>(d.features());
        Collections.reverse(rows);
        List<Number[]> cells = new ArrayList<>();
        double[][] f = d.frequency();
        for (int r = 0; r < f.length; r++) {
            for (int c = 0; c < f[r].length; c++) {
                cells.add(new Number[] {c, f.length - 1 - r, f[r][c]});
            }
        }
        chart.addSeries("selection frequency (fraction of folds)", d.selectors(), rows, cells);
        return chart;
    }
}
