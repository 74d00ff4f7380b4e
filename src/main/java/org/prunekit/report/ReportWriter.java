package org.prunekit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.prunekit.data.AtomicFiles;
import org.prunekit.report.chart.ChartFiles;
import org.prunekit.report.chart.ChartSpec;

/**
 * Writes a run's pictures and page: every chart of the {@link ReportData} as {@code plots/<name>.png} and
 * {@code .svg}, then {@code report.html}, each file atomically; images of charts no longer drawn are removed. A chart
 * that cannot be drawn becomes a warning on the page instead of failing the report.
 */
public final class ReportWriter {

    public static final String REPORT_FILE = "report.html";
    public static final String PLOTS_DIR = "plots";

    private ReportWriter() {}

    /**
     * Rebuilds a run's plots and page from its saved results (what {@code prunekit report RUN_DIR} does; the harness
     * draws the same from the results it has just written, {@link ResultsReader#read(SavedResults)}); returns the
     * page's path.
     */
    public static Path rebuild(Path runDir) {
        return rebuild(runDir, false);
    }

    /** As {@link #rebuild(Path)}; with {@code svg}, every plot is also written as SVG. */
    public static Path rebuild(Path runDir, boolean svg) {
        return write(ResultsReader.read(runDir), runDir, svg);
    }

    /** Writes the plots (PNG and SVG) and {@code report.html} into {@code outDir}; returns the page's path. */
    public static Path write(ReportData data, Path outDir) {
        return write(data, outDir, true);
    }

    /**
     * Writes the plots (PNG; SVG too with {@code svg}) and {@code report.html} into {@code outDir}; images left from
     * an earlier report that this one does not write (SVGs included, when {@code svg} is off) are removed. Returns
     * the page's path.
     */
    public static Path write(ReportData data, Path outDir, boolean svg) {
        Path plots = outDir.resolve(PLOTS_DIR);
        List<HtmlReport.Figure> figures = new ArrayList<>();
        List<String> warnings = new ArrayList<>(data.warnings());
        Set<String> stems = new HashSet<>();
        Set<String> written = new HashSet<>();
        for (ChartSpec spec : data.charts()) {
            String stem = ChartFiles.fileStem(spec.name());
            for (int k = 2; !stems.add(stem); k++) {
                stem = ChartFiles.fileStem(spec.name()) + "-" + k;
            }
            try {
                ChartFiles.Written w = ChartFiles.write(spec.build(), plots, stem, svg);
                written.add(w.png().getFileName().toString());
                if (w.svg() != null) {
                    written.add(w.svg().getFileName().toString());
                }
                figures.add(new HtmlReport.Figure(
                        w.name(),
                        spec.caption(),
                        w.pngBytes(),
                        w.svg() == null ? null : PLOTS_DIR + "/" + w.svg().getFileName()));
            } catch (RuntimeException e) {
                warnings.add("chart " + spec.name() + " could not be drawn: " + e.getMessage());
            }
        }
        removeStalePlots(plots, written);
        ReportData withWarnings = new ReportData(
                data.name(),
                data.configText(),
                data.dataset(),
                data.selectionMetric(),
                data.selectionRule(),
                data.arms(),
                data.comparisons(),
                data.charts(),
                warnings,
                data.timeTable(),
                data.timeNote());
        Path page = outDir.resolve(REPORT_FILE);
        AtomicFiles.writeString(page, HtmlReport.render(withWarnings, figures));
        return page;
    }

    /** Deletes image files in {@code plots/} that this report did not write (earlier charts, or SVGs not asked for). */
    private static void removeStalePlots(Path plots, Set<String> written) {
        if (!Files.isDirectory(plots)) {
            return;
        }
        try (Stream<Path> files = Files.list(plots)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                boolean image = n.endsWith(".png") || n.endsWith(".svg");
                if (image && !written.contains(n)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + plots + ": " + e.getMessage(), e);
        }
    }
}
