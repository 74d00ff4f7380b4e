package org.prunekit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.data.InputException;
import org.prunekit.report.chart.ChartSpec;
import org.prunekit.report.chart.CostComplexityChart;
import org.prunekit.report.chart.Curve;
import org.prunekit.report.chart.CurvesChart;
import org.prunekit.report.chart.FrequencyHeatMap;
import org.prunekit.report.chart.L1CvChart;
import org.prunekit.report.chart.L1PathChart;
import org.prunekit.report.chart.ParetoChart;

class ResultsReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsArmsChosenAndDensePoints() throws Exception {
        ReportData d = ResultsReader.read(ResultsFixture.write(tmp.resolve("run")));
        assertEquals("demo <script>alert(1)</script>", d.name());
        assertEquals("average-precision", d.selectionMetric());
        assertEquals("one-se", d.selectionRule());
        assertEquals(
                List.of("cart-ccp", "mlp<i>", "lasso"),
                d.arms().stream().map(ArmSummary::arm).toList());
        ArmSummary cart = d.arms().get(0);
        assertEquals("cart", cart.family());
        assertEquals("cost-complexity", cart.method());
        // chosen candidate 1: .65 + .01 * i over i = 0..3
        assertEquals(0.665, cart.mean(), 1e-9);
        assertEquals(0.0129099445, cart.sd(), 1e-9);
        assertEquals(60, cart.nonZeroParameters(), 0);
        assertEquals(480, cart.bytes(), 0);
        assertEquals(11.0, cart.latencyUs(), 1e-12);
        assertEquals("strength 0.01000 (one-se)", cart.chosen());
        // an arm with its own selection metric names it (summary.json's arms[i].selection)
        assertTrue(
                d.arms().get(2).chosen().endsWith("(deviance, one-se)"),
                d.arms().get(2).chosen());
        // dense = candidate 0 (most non-zero parameters): .60 + .01 * i
        assertEquals(0.615, cart.denseMean(), 1e-9);
        assertEquals(0.05, cart.metricChange(), 1e-9);
        assertEquals(0.4, cart.sizeRatio(), 1e-12);
        // best on each test fold is candidate 1 too (.65 > .60 > .55), so no optimism for cart; for mlp<i> the
        // dense candidate 0 (.70 + .02 i) beats the chosen 1 (.69 + .02 i) in every fold
        assertEquals(0.665, cart.optimisticMean(), 1e-9);
        assertEquals(0.73, d.arms().get(1).optimisticMean(), 1e-9);
        assertEquals(0.01, d.arms().get(1).optimism(), 1e-9);
    }

    @Test
    void pairedComparisonsAreTheHarnessesForTheSelectionMetric() throws Exception {
        ReportData d = ResultsReader.read(ResultsFixture.write(tmp.resolve("run")));
        assertEquals(2, d.comparisons().size(), "balanced-accuracy pairs left out");
        PairedComparison c = d.comparisons().get(0);
        assertEquals("cart-ccp", c.armA());
        assertEquals("mlp<i>", c.armB());
        assertEquals("average-precision", c.metric());
        assertEquals(-0.055, c.meanDifference(), 0);
        assertEquals(0.012909944487358058, c.sdDifference(), 0);
        assertEquals(-0.0755, c.ciLow(), 0);
        assertEquals(4, c.folds());
        assertEquals(0, c.winsA());
        assertEquals(0.125, c.wilcoxonP(), 0);
        assertTrue(c.wilcoxonExact());
        assertEquals(0.03177698057239625, c.correctedP(), 0);
        assertTrue(Double.isNaN(d.comparisons().get(1).correctedP()), "\"NaN\" reads as NaN");
    }

    @Test
    void paretoOfPathsThatDifferByFoldUsesSizeBudgets() throws Exception {
        Path f = tmp.resolve("c.csv");
        Files.writeString(
                f,
                """
                arm,repeat,fold,candidate,strength,nonzero_parameters,outer_m
                a,0,0,0,0,100,0.70
                a,0,0,1,0.1,40,0.72
                a,0,0,2,0.2,10,0.65
                a,0,0,3,0.3,3,0.50
                a,0,1,0,0,120,0.68
                a,0,1,1,0.15,30,0.70
                a,0,1,2,0.4,3,0.52
                """);
        ParetoChart.Arm arm = ResultsReader.paretoArm("a", CsvRows.read(f).rows(), "outer_m", 50, .7);
        // budget B: in each fold the largest candidate with at most B non-zero parameters
        assertArrayEquals(new double[] {3, 6.5, 20, 35, 65, 110}, arm.nonZero(), 1e-12);
        assertArrayEquals(new double[] {.51, .585, .675, .71, .70, .69}, arm.mean(), 1e-12);
        assertEquals(Math.sqrt(2) * 0.065, arm.sd()[1], 1e-12);
    }

    @Test
    void armsWithTheSameCoefficientPathShareOneChart() throws Exception {
        // a and b: the same refit path (arms that share their fits); c: another path; d: b's path with one coefficient
        // changed in its last digits
        StringBuilder csv = new StringBuilder("arm,repeat,fold,candidate,strength,column,value\n");
        String[][] values = {
            {"a", "0.5", "-0.25"}, {"b", "0.5", "-0.25"}, {"c", "0.75", "-0.25"}, {"d", "0.5", "-0.25000000000000006"}
        };
        for (String[] v : values) {
            csv.append(v[0]).append(",-1,-1,0,0.1,age,").append(v[1]).append('\n');
            csv.append(v[0]).append(",-1,-1,0,0.1,debt,0\n");
            csv.append(v[0]).append(",-1,-1,1,0.01,age,0.75\n");
            csv.append(v[0]).append(",-1,-1,1,0.01,debt,").append(v[2]).append('\n');
        }
        Path file = tmp.resolve("path-columns.csv");
        Files.writeString(file, csv);
        List<L1PathChart.Data> charts =
                FeatureCharts.coefficientPaths(FeatureCharts.rowsByArm(CsvRows.read(file)), arm -> true);
        assertEquals(
                List.of("l1-path-a-b", "l1-path-c", "l1-path-d"),
                charts.stream().map(ChartSpec::name).toList());
        assertEquals(List.of("a", "b"), charts.get(0).arms());
        assertTrue(
                charts.get(0).caption().startsWith("Arms a and b: "),
                charts.get(0).caption());
        assertArrayEquals(new double[] {0.5, 0.75}, charts.get(0).coefficients()[0]);
        assertArrayEquals(new double[] {0.75, 0.75}, charts.get(1).coefficients()[0]);
        assertEquals(-0.25000000000000006, charts.get(2).coefficients()[1][1]);
    }

    @Test
    void buildsParetoInnerCvAndPathCharts() throws Exception {
        ReportData d = ResultsReader.read(ResultsFixture.write(tmp.resolve("run")));
        assertEquals(
                List.of(
                        "pareto",
                        "mlp-metric",
                        "mlp-latency",
                        "fs-frequency",
                        "l1-path-lasso",
                        "path-cart-ccp",
                        "ccp-cart-ccp",
                        "l1-cv-lasso"),
                d.charts().stream().map(ChartSpec::name).toList());
        ParetoChart.Data pareto = (ParetoChart.Data) d.charts().get(0);
        assertEquals(3, pareto.arms().size());
        ParetoChart.Arm mlp = pareto.arms().get(1);
        assertArrayEquals(
                new double[] {1000, 500, 100}, mlp.nonZero(), 0, "same strengths in every fold: by candidate");
        assertEquals(0.70 + 0.03, mlp.mean()[0], 1e-9);
        assertEquals(500, mlp.chosenNonZero(), 0);
        FrequencyHeatMap.Data freq = (FrequencyHeatMap.Data) d.charts().get(3);
        assertEquals(List.of("cart-ccp", "lasso"), freq.selectors(), "mlp<i> uses every feature: left out");
        assertEquals(List.of("age", "debt", "income"), freq.features(), "most often selected first");
        assertArrayEquals(new double[] {1, 1}, freq.frequency()[0]);
        assertArrayEquals(new double[] {0, 1}, freq.frequency()[1]);
        assertArrayEquals(new double[] {0.25, 0}, freq.frequency()[2]);
        L1PathChart.Data path = (L1PathChart.Data) d.charts().get(4);
        assertArrayEquals(new double[] {.001, .01, .1}, path.lambda());
        assertEquals(List.of("age", "debt"), path.features(), "the first fold when there is no refit");
        assertArrayEquals(new double[] {-0.3, 0, 0}, path.coefficients()[1], "absent rows are zero coefficients");
        CurvesChart.Data exported = (CurvesChart.Data) d.charts().get(5);
        assertEquals(
                List.of("not_a_coefficient"),
                exported.curves().stream().map(Curve::name).toList());
        assertEquals("strength", exported.xTitle(), "the path's strength name");
        CostComplexityChart.Data ccp = (CostComplexityChart.Data) d.charts().get(6);
        assertEquals(CostComplexityChart.XAxis.LEAVES, ccp.axis());
        assertEquals("refit on all data", ccp.cell(), "the refit rather than an outer fold");
        assertArrayEquals(new double[] {55, 21, 5}, ccp.leaves());
        assertArrayEquals(new double[] {.02, .03, .04}, ccp.se(), 1e-12, "error bars: standard errors");
        assertEquals(0.66 - 0.03, ccp.oneSeLine(), 1e-9, "best mean minus its standard error");
        assertArrayEquals(new int[] {1}, ccp.chosen());
        L1CvChart.Data l1 = (L1CvChart.Data) d.charts().get(7);
        assertEquals(0.01, l1.lambdaMin(), 0);
        assertEquals(0.01, l1.lambda1se(), 0, "0.66 at lambda 0.001 is within 0.67 - 0.02 but larger; 0.58 is below");
    }

    @Test
    void innerCvChartsUseEachArmsOwnSelectionMetric() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("run"));
        Path cp = run.resolve("cp-table.csv");
        // the lasso selects on deviance (lower is better), the tree on balanced accuracy; the study's metric is AP
        Files.writeString(
                cp,
                Files.readAllLines(cp).stream()
                        .map(l -> l.startsWith("lasso,") ? l.replace(",average-precision,", ",deviance,") : l)
                        .map(l ->
                                l.startsWith("cart-ccp,") ? l.replace(",average-precision,", ",balanced-accuracy,") : l)
                        .reduce("", (a, b) -> a + b + "\n"));
        ReportData d = ResultsReader.read(run);
        CostComplexityChart.Data ccp = (CostComplexityChart.Data) d.charts().get(6);
        assertEquals("balanced-accuracy", ccp.metric());
        L1CvChart.Data l1 = (L1CvChart.Data) d.charts().get(7);
        assertEquals("deviance", l1.metric());
        // lowest mean deviance 0.58 at lambda 0.1 (1 feature); nothing smaller lies within its standard error
        assertEquals(0.1, l1.lambdaMin(), 0);
        assertEquals(0.1, l1.lambda1se(), 0);
        assertTrue(l1.caption().contains("inner-CV deviance"), l1.caption());
    }

    @Test
    void armsWithTheSameInnerCvCurveShareOneChart() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("run"));
        // three more arms in cp-table.csv: cart-ccp's curve with another choice, lasso's curve, and a curve of its own
        Files.writeString(
                run.resolve("summary.json"),
                ResultsFixture.SUMMARY.replace(
                        "{\"name\" : \"lasso\",",
                        "{\"name\" : \"ccp-best\", \"family\" : \"cart\", \"method\" : \"cost-complexity\"},"
                                + " {\"name\" : \"lasso-min\", \"family\" : \"logistic\", \"method\" : \"l1-path\"},"
                                + " {\"name\" : \"lasso-other\", \"family\" : \"logistic\", \"method\" : \"l1-path\"},"
                                + " {\"name\" : \"lasso\","));
        Path cp = run.resolve("cp-table.csv");
        List<String> lines = Files.readAllLines(cp);
        List<String> more = new ArrayList<>(lines);
        for (String l : lines) {
            if (l.startsWith("cart-ccp,")) {
                // the same curve; this arm chose candidate 0
                String[] f = l.split(",", -1);
                f[0] = "ccp-best";
                f[4] = f[3].equals("0") ? "1" : "0";
                more.add(String.join(",", f));
            } else if (l.startsWith("lasso,")) {
                more.add(l.replace("lasso,", "lasso-min,"));
                more.add(l.replace("lasso,", "lasso-other,").replace(",0.67,", ",0.61,"));
            }
        }
        Files.write(cp, more);
        ReportData d = ResultsReader.read(run);
        List<CostComplexityChart.Data> ccp = d.charts().stream()
                .filter(CostComplexityChart.Data.class::isInstance)
                .map(CostComplexityChart.Data.class::cast)
                .toList();
        assertEquals(1, ccp.size(), "one chart for the two arms of one curve");
        assertEquals(List.of("cart-ccp", "ccp-best"), ccp.get(0).arms());
        assertArrayEquals(new int[] {1, 0}, ccp.get(0).chosen(), "each arm's own choice");
        assertEquals("ccp-cart-ccp-ccp-best", ccp.get(0).name());
        assertTrue(
                ccp.get(0).caption().startsWith("Arms cart-ccp and ccp-best (refit on all data)"),
                ccp.get(0).caption());
        List<L1CvChart.Data> l1 = d.charts().stream()
                .filter(L1CvChart.Data.class::isInstance)
                .map(L1CvChart.Data.class::cast)
                .toList();
        assertEquals(
                List.of(List.of("lasso", "lasso-min"), List.of("lasso-other")),
                l1.stream().map(L1CvChart.Data::arms).toList(),
                "lasso-other's curve differs at lambda 0.01");
        assertEquals("l1-cv-lasso-lasso-min", l1.get(0).name());
    }

    @Test
    void summarisesTheDatasetAndKeepsWarnings() throws Exception {
        ReportData d = ResultsReader.read(ResultsFixture.write(tmp.resolve("run")));
        // as the harness counted them in summary.json
        assertEquals(Map.of("bad", 300L, "good", 700L), d.dataset().classCounts());
        assertEquals(1000, d.dataset().rows());
        assertEquals(20, d.dataset().features());
        assertEquals(700 / 300.0, d.dataset().imbalanceRatio(), 1e-12);
        assertEquals("class", d.dataset().target());
        assertEquals(
                List.of("accuracy-hides-collapse: arm cart-ccp <script>x</script> predicts one class"), d.warnings());
    }

    @Test
    void badFoldersFailWithOneLine() throws Exception {
        InputException e = assertThrows(InputException.class, () -> ResultsReader.read(tmp.resolve("nope")));
        assertTrue(e.oneLine().endsWith("not a results folder: no such directory"), e.oneLine());
        Path run = ResultsFixture.write(tmp.resolve("run"));
        Files.delete(run.resolve("selected.csv"));
        e = assertThrows(InputException.class, () -> ResultsReader.read(run));
        assertTrue(e.oneLine().endsWith("missing selected.csv"), e.oneLine());
    }

    @Test
    void badNumbersNameFileLineAndColumn() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("run"));
        Path cand = run.resolve("candidates.csv");
        List<String> lines = Files.readAllLines(cand);
        lines.set(1, lines.get(1).replace(",150,150,", ",150,lots,"));
        Files.write(cand, lines);
        InputException e = assertThrows(InputException.class, () -> ResultsReader.read(run));
        assertEquals(cand + ":2:9: column nonzero_parameters: not a number: 'lots'", e.oneLine());
    }

    @Test
    void missingMetricColumnIsNamed() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("run"));
        Files.writeString(
                run.resolve("summary.json"),
                ResultsFixture.SUMMARY.replace(
                        "\"metric\" : \"average-precision\", \"rule\"", "\"metric\" : \"mcc\", \"rule\""));
        InputException e = assertThrows(InputException.class, () -> ResultsReader.read(run));
        assertTrue(e.getMessage().startsWith("missing column 'outer_mcc'"), e.getMessage());
    }
}
