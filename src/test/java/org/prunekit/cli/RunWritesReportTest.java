package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.report.ResultsReader;
import org.prunekit.report.chart.ChartSpec;
import org.prunekit.report.chart.ParetoChart;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestData;
import org.w3c.dom.Document;

/**
 * End to end: {@code prunekit run} on 200 rows of breast_cancer_wisconsin with a cost-complexity arm, an unpruned
 * CART arm, the baseline and a test arm whose path exports columns leaves valid plots and a report; {@code --resume}
 * and {@code prunekit report} rebuild them from the saved results.
 */
class RunWritesReportTest {

    static final List<String> ARMS = List.of("ccp", "cart-dense", "base", "lin");

    @TempDir
    static Path dir;

    static Path cfg;
    static Path out;
    static StudyFiles.Cli run;

    @BeforeAll
    static void runOnce() throws IOException {
        List<String> lines = Files.readAllLines(TestData.path("breast_cancer_wisconsin.csv"));
        Path csv = StudyFiles.write(dir.resolve("bc.csv"), String.join("\n", lines.subList(0, 201)) + "\n");
        cfg = StudyFiles.write(
                dir.resolve("study.yaml"),
                "name: e2e\n"
                        + "data: {path: '" + csv + "', target: class, positive: M}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 3, repeats: 1}, inner: {kind: stratified-kfold, folds: 3},"
                        + " seed: 11}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "timing: {rows: 20, repeats: 1}\n"
                        + "plots: {svg: true}\n"
                        + "arms:\n"
                        + "  - {name: ccp, model: {family: cart, max-depth: 8}, prune: {method: cost-complexity}}\n"
                        + "  - {name: cart-dense, model: {family: cart, max-depth: 8}, prune: {method: none}}\n"
                        + "  - {name: base, model: {family: baseline, strategy: stratified}, prune: {method: none}}\n"
                        + "  - {name: lin, model: {family: test-linear}, prune: {method: test-shrink, strength: 0.5}}\n");
        out = dir.resolve("results");
        run = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
    }

    @Test
    void everyRunWritesValidPlotsAndAReport() throws Exception {
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("report: " + out.resolve("report.html")), run.out());
        assertFalse(run.err().contains("warning"), run.err());
        List<Path> png = plots(".png");
        for (String stem : List.of("pareto", "ccp-ccp", "fs-frequency", "path-lin")) {
            assertTrue(Files.isRegularFile(out.resolve("plots/" + stem + ".png")), stem + " in " + png);
            assertTrue(Files.isRegularFile(out.resolve("plots/" + stem + ".svg")), stem);
        }
        for (Path p : png) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertNotNull(img, p + " is a PNG");
            assertEquals(1200, img.getWidth(), p.toString());
            assertEquals(800, img.getHeight(), p.toString());
            assertTrue(colours(img) > 20, p + " is more than a blank canvas");
        }
        assertEquals(png.size(), plots(".svg").size());
        for (Path p : plots(".svg")) {
            assertEquals("svg", xml(p).getDocumentElement().getLocalName(), p.toString());
        }
        Document page = xml(out.resolve("report.html"));
        assertEquals(png.size(), page.getElementsByTagNameNS("*", "img").getLength(), "every plot embedded");
        String text = page.getDocumentElement().getTextContent();
        ARMS.forEach(a -> assertTrue(text.contains(a), a));
        assertFalse(text.contains("could not be drawn"), "no chart failed");
        assertFalse(Files.exists(out.resolve("plots/fs-metric.png")), "lin's one feature count is no curve");
        assertTrue(text.contains("corrected t-test p"), "paired comparisons shown");
    }

    @Test
    void paretoHasOneSeriesPerArmPlusTheChosenPoints() {
        List<ChartSpec> charts = ResultsReader.read(out).charts();
        ParetoChart.Data pareto = (ParetoChart.Data) charts.get(0);
        assertEquals(
                List.of("ccp", "cart-dense", "base", "lin", ParetoChart.CHOSEN),
                List.copyOf(pareto.build().getSeriesMap().keySet()));
        assertTrue(pareto.arms().get(0).nonZero().length > 2, "the cost-complexity path has several points");
    }

    @Test
    void harnessWritesWhatTheChartsNeed() throws IOException {
        assertTrue(Files.readAllLines(out.resolve("cp-table.csv")).get(0).contains(",size_leaves,"));
        assertTrue(Files.readAllLines(out.resolve("selected.csv")).get(0).contains(",note,features_used,latency_us,"));
        try (CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(out.resolve("selected.csv")))) {
            for (CSVRecord r : p) {
                int used = r.get("features_used").split(";").length;
                if (r.get("arm").equals("ccp")) {
                    assertTrue(used >= 1 && used < 30, "a pruned tree splits on some of the 30 features: " + used);
                } else if (r.get("arm").equals("lin")) {
                    assertTrue(used == 30 || used == 0 || used == 1, "every feature (or none for the majority model)");
                }
            }
        }
        List<String> columns = Files.readAllLines(out.resolve("path-columns.csv"));
        assertEquals("arm,repeat,fold,candidate,strength,column,value", columns.get(0));
        assertTrue(columns.contains("lin,0,0,1,0.5,w2,0.0"), columns.toString());
        assertTrue(columns.contains("lin,-1,-1,0,0.0,w2,-0.5"), "the refit's columns too");
        assertEquals(1 + 4 * 2 * 2, columns.size(), "lin only: (3 folds + refit) x 2 candidates x 2 columns");
    }

    @Test
    void resumeAndReportRebuildThePlotsFromSavedResults() throws IOException {
        byte[] pareto = Files.readAllBytes(out.resolve("plots/pareto.png"));
        String columns = Files.readString(out.resolve("path-columns.csv"));
        String selected = Files.readString(out.resolve("selected.csv"));
        Files.delete(out.resolve("report.html"));
        StudyFiles.Cli resumed = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(
                columns, Files.readString(out.resolve("path-columns.csv")), "exported columns survive the cell files");
        assertEquals(
                selected,
                Files.readString(out.resolve("selected.csv")),
                "and so do features_used (latency too: it is saved in the cells)");
        assertTrue(Files.isRegularFile(out.resolve("report.html")), "--resume writes the report too");

        deleteTree(out.resolve("plots"));
        Files.delete(out.resolve("report.html"));
        StudyFiles.Cli report = StudyFiles.cli("report", out.toString(), "--svg");
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("plots/ccp-ccp.svg")));
        assertArrayEquals(pareto, Files.readAllBytes(out.resolve("plots/pareto.png")), "same results, same picture");
    }

    /**
     * The harness draws the report from the results it has just written, in memory; {@code prunekit report} reads
     * them from the files: the same plots byte for byte and the same page, apart from the time table (summary.json
     * gets the report's own time after the report is drawn).
     */
    @Test
    void reportFromTheFilesIsTheReportTheRunDrew() throws IOException {
        Path again = dir.resolve("again");
        StudyFiles.Cli ran = StudyFiles.cli("run", cfg.toString(), "--out", again.toString());
        assertEquals(0, ran.code(), ran.err());
        List<Path> png;
        try (Stream<Path> s = Files.list(again.resolve("plots"))) {
            png = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        List<byte[]> drawn = new ArrayList<>();
        for (Path p : png) {
            drawn.add(Files.readAllBytes(p));
        }
        String page = Files.readString(again.resolve("report.html"));
        StudyFiles.Cli report = StudyFiles.cli("report", again.toString(), "--svg");
        assertEquals(0, report.code(), report.err());
        for (int i = 0; i < png.size(); i++) {
            assertArrayEquals(
                    drawn.get(i), Files.readAllBytes(png.get(i)), png.get(i).toString());
        }
        assertTrue(png.size() >= 4, png.toString());
        assertEquals(withoutTimes(page), withoutTimes(Files.readString(again.resolve("report.html"))));
    }

    /**
     * {@code --no-report} (batches of studies): the results and nothing else, no report phase in the time table, and
     * no "report:" line; {@code prunekit report} then draws the plots a run draws, byte for byte.
     */
    @Test
    void noReportLeavesTheDrawingToPrunekitReport() throws IOException {
        Path plain = dir.resolve("plain");
        StudyFiles.Cli ran = StudyFiles.cli("run", cfg.toString(), "--out", plain.toString(), "--no-report");
        assertEquals(0, ran.code(), ran.err());
        assertTrue(ran.out().contains("results: " + plain), ran.out());
        assertFalse(ran.out().contains("report:"), ran.out());
        assertFalse(Files.exists(plain.resolve("report.html")));
        assertFalse(Files.exists(plain.resolve("plots")));
        for (String f : List.of("candidates.csv", "selected.csv", "summary.md", "summary.json")) {
            assertTrue(Files.isRegularFile(plain.resolve(f)), f);
        }
        assertFalse(Files.readString(plain.resolve("summary.json")).contains("\"report\""), "no report phase timed");

        StudyFiles.Cli report = StudyFiles.cli("report", plain.toString(), "--svg");
        assertEquals(0, report.code(), report.err());
        List<Path> drawn = plots(".png");
        assertTrue(drawn.size() >= 4, drawn.toString());
        for (Path p : drawn) {
            assertArrayEquals(
                    Files.readAllBytes(p),
                    Files.readAllBytes(plain.resolve("plots").resolve(p.getFileName())),
                    p.getFileName().toString());
        }
        assertTrue(Files.isRegularFile(plain.resolve("report.html")));
    }

    private static String withoutTimes(String page) {
        int from = page.indexOf("<h2 id=\"time\">");
        int to = page.indexOf("<h2 id=\"config\">");
        assertTrue(from > 0 && to > from, "the page has a time table before its config");
        return page.substring(0, from) + page.substring(to);
    }

    private static List<Path> plots(String ext) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("plots"))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static Document xml(Path file) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
