package org.prunekit.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class ChartsTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyChartWritesValidPngAndSvg() {
        return ChartSamples.all().stream()
                .map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
                    Path sub = dir.resolve(spec.name() + "-" + System.identityHashCode(spec));
                    ChartFiles.Written w = ChartFiles.write(spec, sub);
                    assertValidPng(Files.readAllBytes(w.png()));
                    assertArrayEquals(Files.readAllBytes(w.png()), w.pngBytes());
                    assertValidSvg(w.svg());
                    try (Stream<Path> files = Files.list(sub)) {
                        assertEquals(2, files.count(), "only the PNG and the SVG, no temp files left");
                    }
                }));
    }

    /** Labels between the powers of ten on a log axis up to two decades wide; only the powers beyond. */
    @Test
    void logAxisLabelsMultiplesOnlyWhereTheyFit() {
        for (double hi : new double[] {10, 100, 101, 900}) {
            XYChart chart = ChartStyle.xy("t", "x", "y", true);
            chart.addSeries("s", new double[] {1, hi}, new double[] {0, 1});
            ChartStyle.finish(chart);
            assertEquals(hi > 100, chart.getStyler().isXAxisLogarithmicDecadeOnly(), "1 to " + hi);
        }
    }

    @Test
    void paretoHasOneSeriesPerArmPlusChosenMarkers() {
        XYChart chart = ParetoChart.chart(ChartSamples.pareto());
        assertEquals(
                Set.of("cart-ccp", "mlp-magnitude", ParetoChart.CHOSEN),
                chart.getSeriesMap().keySet());
        XYSeries chosen = chart.getSeriesMap().get(ParetoChart.CHOSEN);
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, chosen.getXYSeriesRenderStyle());
        assertEquals(21, chosen.getXMin());
        assertEquals(1500, chosen.getXMax());
        assertTrue(chart.getStyler().isXAxisLogarithmic());
    }

    @Test
    void paretoPngShowsDistinctArmColours() throws Exception {
        BufferedImage img =
                ImageIO.read(new ByteArrayInputStream(ChartFiles.png(ParetoChart.chart(ChartSamples.pareto()))));
        Set<Integer> palette = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == (ChartStyle.color(0).getRGB() & 0xFFFFFF)
                        || rgb == (ChartStyle.color(1).getRGB() & 0xFFFFFF)) {
                    palette.add(rgb);
                }
            }
        }
        assertEquals(2, palette.size(), "both arm colours are drawn");
    }

    @Test
    void logAxisSkipsNonPositivePointsInsteadOfFailing() {
        XYChart chart = ChartStyle.xy("t", "x", "y", true);
        XYSeries s = ChartStyle.addCurve(
                chart, Curve.of("a", new double[] {0, 1, 10, Double.NaN}, new double[] {1, 2, 3, 4}));
        assertEquals(1, s.getXMin());
        assertEquals(10, s.getXMax());
        assertNull(ChartStyle.addCurve(chart, Curve.of("b", new double[] {0, -1}, new double[] {1, 2})));
    }

    @Test
    void costComplexityDrawsTheOneSeLineItIsGiven() {
        CostComplexityChart.Data d = ChartSamples.ccp(CostComplexityChart.XAxis.LEAVES);
        assertEquals(0.71 - 0.02, d.oneSeLine(), 1e-12);
        XYChart chart = d.build();
        XYSeries line = chart.getSeriesMap().get("1-SE threshold");
        assertNotNull(line);
        assertEquals(0.69, line.getYMin(), 1e-12);
        assertEquals(0.69, line.getYMax(), 1e-12);
        assertEquals(1, line.getXMin());
        assertEquals(60, line.getXMax());
        assertEquals(0.58, chart.getSeriesMap().get("inner CV").getYMin(), 1e-9, "error bars included in the range");
    }

    @Test
    void costComplexityMarksTheChosenSubtree() {
        XYSeries chosen = ChartSamples.ccp(CostComplexityChart.XAxis.LEAVES)
                .build()
                .getSeriesMap()
                .get("chosen");
        assertNotNull(chosen);
        assertEquals(7, chosen.getXMin(), 0);
        assertEquals(.70, chosen.getYMin(), 1e-12);
    }

    @Test
    void armsOfOneCurveShareAChartWithARingEach() throws Exception {
        CostComplexityChart.Data one = ChartSamples.ccp(CostComplexityChart.XAxis.LEAVES);
        CostComplexityChart.Data two = one.withArm("cart-ccp-best", 3);
        assertEquals(List.of("cart-ccp", "cart-ccp-best"), two.arms());
        assertArrayEquals(new int[] {2, 3}, two.chosen());
        XYChart chart = two.build();
        assertNull(chart.getSeriesMap().get("chosen"), "one ring per arm, named by arm");
        assertEquals(7, chart.getSeriesMap().get("chosen: cart-ccp").getXMin(), 0);
        assertEquals(12, chart.getSeriesMap().get("chosen: cart-ccp-best").getXMin(), 0);
        assertTrue(chart.getTitle().contains("cart-ccp, cart-ccp-best"), chart.getTitle());
        assertEquals("ccp-cart-ccp-cart-ccp-best", two.name());
        assertEquals(
                List.of("lasso", "lasso-min"),
                ChartSamples.l1Cv().withArm("lasso-min").arms());
        // arm names run to 64 characters: four of them would make a file name longer than file systems allow
        String a = "a".repeat(64);
        CostComplexityChart.Data many =
                one.withArm(a, 0).withArm("b".repeat(64), 1).withArm("c".repeat(64), 2);
        assertEquals("ccp-cart-ccp-and-3-more", many.name());
        ChartFiles.Written w = ChartFiles.write(many, dir);
        assertTrue(Files.size(w.png()) > 0);
        assertEquals(
                "l1-cv-lasso-and-1-more",
                ChartSamples.l1Cv().withArm("x".repeat(120)).name());
    }

    @Test
    void alphaAxisDropsAlphaZero() {
        XYSeries s = ChartSamples.ccp(CostComplexityChart.XAxis.ALPHA)
                .build()
                .getSeriesMap()
                .get("inner CV");
        assertEquals(0.001, s.getXMin(), 1e-15);
    }

    @Test
    void l1CvMarksLambdaMinAndLambda1seAtLogLambda() {
        XYChart chart = ChartSamples.l1Cv().build();
        assertEquals(Math.log(.0625), chart.getSeriesMap().get("λ_min").getXMin(), 1e-12);
        assertEquals(Math.log(.125), chart.getSeriesMap().get("λ_1se").getXMax(), 1e-12);
    }

    @Test
    void l1PathHasOneLinePerFeature() {
        XYChart chart = ChartSamples.l1Path().build();
        assertEquals(Set.of("age", "income", "debt"), chart.getSeriesMap().keySet());
        assertEquals(-0.35, chart.getSeriesMap().get("debt").getYMin(), 1e-12);
    }

    @Test
    void heatMapPutsTheFirstFeatureOnTop() {
        var series = ChartSamples.heatMap().build().getHeatMapSeries();
        assertEquals("amount", series.getYData().get(0));
        assertEquals("checking", series.getYData().get(4));
    }

    @Test
    void l1PathNamesOnlyTheLargestCoefficientsInTheLegend() {
        int p = 20;
        List<String> names = new ArrayList<>();
        double[][] coef = new double[p][];
        for (int j = 0; j < p; j++) {
            names.add("f" + j);
            coef[j] = new double[] {0, 0.01 * j, 0.02 * j};
        }
        XYChart chart = new L1PathChart.Data("wide", new double[] {1, .1, .01}, names, coef).build();
        var legend = chart.getSeriesMap().values().stream()
                .filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("f19", "f18", "f17", "f16", "f15", "f14", "f13", "f12"), legend);
        assertEquals(L1PathChart.OTHERS, chart.getSeriesMap().get("f0").getLineColor());
    }

    @Test
    void latencyAxisStartsAtZeroSoFlatLooksFlat() {
        assertEquals(0.0, ChartSamples.mlpLatency().build().getStyler().getYAxisMin());
        assertNull(ChartSamples.treeDrop().build().getStyler().getYAxisMin());
    }

    @Test
    void curvesChartHasOneLinePerStrategy() {
        assertEquals(
                List.of("last-first", "greedy"),
                List.copyOf(ChartSamples.treeDrop().build().getSeriesMap().keySet()));
    }

    @Test
    void dataRecordsRejectMismatchedLengthsAndCopyArrays() {
        assertThrows(IllegalArgumentException.class, () -> Curve.of("a", new double[] {1, 2}, new double[] {1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FrequencyHeatMap.Data("h", List.of("f"), List.of("s"), new double[][] {{1.5}}));
        double[] x = {1, 2};
        Curve c = Curve.of("a", x, new double[] {3, 4});
        x[0] = 99;
        assertEquals(1, c.x()[0]);
    }

    @Test
    void fileStemsAreSafe() {
        assertEquals("ccp-a-b-c", ChartFiles.fileStem("ccp-a/b c"));
        assertFalse(ChartFiles.fileStem("../../etc").contains("/"));
        assertEquals("chart", ChartFiles.fileStem("///"));
    }

    static void assertValidPng(byte[] bytes) throws Exception {
        assertTrue(bytes.length > PNG_MAGIC.length);
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            assertEquals(PNG_MAGIC[i], bytes[i], "PNG magic byte " + i);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(img, "ImageIO decodes it");
        assertEquals(ChartStyle.WIDTH, img.getWidth());
        assertEquals(ChartStyle.HEIGHT, img.getHeight());
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        double share = inked / (double) (img.getWidth() * img.getHeight());
        assertTrue(share > 0.01, "not a blank image: " + share + " of pixels are not white");
    }

    static void assertValidSvg(Path svg) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(Files.size(svg) > 1000, "SVG has content");
    }
}
