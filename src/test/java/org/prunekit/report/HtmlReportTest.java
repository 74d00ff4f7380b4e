package org.prunekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.prunekit.report.chart.ChartSamples;
import org.prunekit.report.chart.ChartSpec;
import org.prunekit.report.chart.ChartStyle;
import org.prunekit.report.chart.CostComplexityChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    private static final String EVIL = "<script>alert('x')</script>";

    @TempDir
    Path tmp;

    static ReportData sample(List<ChartSpec> charts) {
        return new ReportData(
                "study " + EVIL,
                "name: x\nnote: \"" + EVIL + " & more\"\n",
                new DatasetSummary("data/" + EVIL + ".csv", "class", 1000, 20, Map.of("good", 700L, "bad", 300L)),
                "average-precision",
                "one-se",
                List.of(new ArmSummary(
                        "arm" + EVIL,
                        "cart",
                        "cost-complexity",
                        "strength 0.01 (one-se)",
                        .66,
                        .01,
                        60,
                        60,
                        480,
                        11,
                        .61,
                        150,
                        .69,
                        .4)),
                List.of(new PairedComparison(
                        "a", "b" + EVIL, "average-precision", 4, -.05, .01, -.066, -.034, 0, .125, true, .03)),
                charts,
                List.of("warning " + EVIL));
    }

    static Document parse(Path html) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(html.toFile());
    }

    @Test
    void pageIsWellFormedSelfContainedAndEscaped() throws Exception {
        List<ChartSpec> charts = List.of(ChartSamples.pareto(), ChartSamples.l1Cv());
        Path page = ReportWriter.write(sample(charts), tmp);
        Document doc = parse(page);
        assertEquals("html", doc.getDocumentElement().getLocalName());
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength(), "no script element sneaks in");
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("study " + EVIL), "user strings shown as text");
        String raw = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script"), "escaped in the source");
        assertTrue(raw.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        String withoutNamespace = raw.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "");
        assertFalse(
                withoutNamespace.contains("http://") || withoutNamespace.contains("https://"), "no network references");

        NodeList imgs = doc.getElementsByTagNameNS("*", "img");
        assertEquals(2, imgs.getLength());
        for (int i = 0; i < imgs.getLength(); i++) {
            String src = ((Element) imgs.item(i)).getAttribute("src");
            assertTrue(src.startsWith("data:image/png;base64,"));
            byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
            var img = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(ChartStyle.WIDTH, img.getWidth());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("plots/pareto.png")));
        assertTrue(Files.isRegularFile(tmp.resolve("plots/l1-cv-lasso.svg")));
    }

    @Test
    void tablesShowNumbersAndChangeVersusDense() throws Exception {
        Path page = ReportWriter.write(sample(List.of()), tmp);
        String raw = Files.readString(page);
        assertTrue(raw.contains("0.6600 ± 0.0100"), "mean ± sd");
        assertTrue(raw.contains("+0.0500"), "change vs dense");
        assertTrue(raw.contains("0.400×"), "size vs dense");
        assertTrue(raw.contains("2.33"), "imbalance ratio 700/300");
        assertTrue(raw.contains("70.0%"));
        assertTrue(raw.contains("0.6900 (+0.0300)"), "optimistic estimate and its optimism");
        parse(page);
    }

    @Test
    void aChartThatCannotBeDrawnBecomesAWarning() throws Exception {
        ChartSpec broken = new ChartSpec() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String caption() {
                return "never drawn";
            }

            @Override
            public XYChart build() {
                throw new IllegalStateException("no data");
            }
        };
        List<ChartSpec> charts = new ArrayList<>(List.of(broken, ChartSamples.treeDrop()));
        Files.createDirectories(tmp.resolve("plots"));
        Files.writeString(tmp.resolve("plots/broken.png"), "an image from an earlier report");
        Files.writeString(tmp.resolve("plots/notes.txt"), "not an image");
        Path page = ReportWriter.write(sample(charts), tmp);
        assertFalse(Files.exists(tmp.resolve("plots/broken.png")), "no stale picture of a chart not drawn");
        assertTrue(Files.exists(tmp.resolve("plots/notes.txt")), "other files are left alone");
        String raw = Files.readString(page);
        assertTrue(raw.contains("chart broken could not be drawn: no data"));
        assertEquals(1, parse(page).getElementsByTagNameNS("*", "img").getLength());
    }

    @Test
    void chartsWithCollidingFileNamesAreBothKept() throws Exception {
        var a = new CostComplexityChart.Data(
                List.of("a/b"),
                "mcc",
                "outer fold 0/0",
                new double[] {.1, .01},
                new double[] {2, 8},
                new double[] {.3, .4},
                new double[] {.01, .01},
                Double.NaN,
                new int[] {-1},
                CostComplexityChart.XAxis.LEAVES);
        var b = new CostComplexityChart.Data(
                List.of("a b"),
                "mcc",
                "outer fold 0/0",
                new double[] {.1, .01},
                new double[] {2, 8},
                new double[] {.3, .4},
                new double[] {.01, .01},
                Double.NaN,
                new int[] {-1},
                CostComplexityChart.XAxis.LEAVES);
        ReportWriter.write(sample(List.of(a, b)), tmp);
        assertTrue(Files.isRegularFile(tmp.resolve("plots/ccp-a-b.png")));
        assertTrue(Files.isRegularFile(tmp.resolve("plots/ccp-a-b-2.svg")));
    }

    @Test
    void escapeHandlesAllSpecialCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;", Html.escape("<a href=\"x\">&'</a>"));
        assertEquals("ab", Html.escape("a\u0000b"), "XML-forbidden control characters dropped");
        assertEquals("", Html.escape(null));
    }
}
