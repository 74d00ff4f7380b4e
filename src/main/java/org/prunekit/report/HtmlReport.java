package org.prunekit.report;

import static org.prunekit.report.Html.escape;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders {@link ReportData} as one self-contained XHTML page: inline CSS, PNG figures embedded as base64 data URIs,
 * no scripts and no network access. Every user string is escaped with {@link Html#escape}.
 */
public final class HtmlReport {

    /** One drawn figure: its name, caption, PNG bytes and the file name of its SVG next to the report. */
    public record Figure(String name, String caption, byte[] png, String svgFile) {
        public Figure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(caption, "caption");
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }
    }

    private static final String CSS =
            """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2em auto;\
            max-width:1250px;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.95em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f3f3f3}
            td.l,th.l{text-align:left}.neg{color:#b00}.pos{color:#070}
            pre{background:#f7f7f7;border:1px solid #ddd;padding:.8em;overflow-x:auto;font-size:.9em}
            figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#555;font-size:.95em}ul.warn li{color:#8a4b00}.muted{color:#777}
            """;

    private HtmlReport() {}

    /** The page as a string. */
    public static String render(ReportData d, List<Figure> figures) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>prunekit report: ")
                .append(escape(d.name()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>prunekit report: ").append(escape(d.name())).append("</h1>\n");
        h.append("<p class=\"muted\">Selection metric <b>")
                .append(escape(d.selectionMetric()))
                .append("</b>, rule <b>")
                .append(escape(d.selectionRule()))
                .append("</b>. Means and standard deviations are over outer folds.</p>\n");
        warnings(h, d.warnings());
        dataset(h, d.dataset());
        arms(h, d);
        comparisons(h, d.comparisons());
        figures(h, figures);
        if (!d.timeTable().isEmpty()) {
            h.append("<h2 id=\"time\">Time</h2>\n<table>\n");
            for (int r = 0; r < d.timeTable().size(); r++) {
                String cell = r == 0 ? "th" : "td";
                h.append("<tr>");
                for (String v : d.timeTable().get(r)) {
                    h.append('<')
                            .append(cell)
                            .append('>')
                            .append(escape(v))
                            .append("</")
                            .append(cell)
                            .append('>');
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n<p class=\"muted\">")
                    .append(escape(d.timeNote()))
                    .append("</p>\n");
        }
        h.append("<h2 id=\"config\">Config</h2>\n<pre>")
                .append(escape(d.configText()))
                .append("</pre>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void warnings(StringBuilder h, List<String> warnings) {
        h.append("<h2 id=\"warnings\">Warnings</h2>\n");
        if (warnings.isEmpty()) {
            h.append("<p>None: the run detected no pitfall.</p>\n");
            return;
        }
        h.append("<ul class=\"warn\">\n");
        for (String w : warnings) {
            h.append("<li>").append(escape(w)).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void dataset(StringBuilder h, DatasetSummary ds) {
        h.append("<h2 id=\"dataset\">Dataset</h2>\n<p>File <code>")
                .append(escape(ds.source()))
                .append("</code>, target <code>")
                .append(escape(ds.target()))
                .append("</code>");
        if (ds.rows() >= 0) {
            h.append(", ").append(ds.rows()).append(" rows");
        }
        if (ds.features() >= 0) {
            h.append(", ").append(ds.features()).append(" features");
        }
        h.append(".</p>\n");
        if (ds.classCounts().isEmpty()) {
            h.append("<p class=\"muted\">Class counts unavailable.</p>\n");
            return;
        }
        long total =
                ds.classCounts().values().stream().mapToLong(Long::longValue).sum();
        h.append("<table>\n<tr><th class=\"l\">class</th><th>rows</th><th>share</th></tr>\n");
        for (Map.Entry<String, Long> e : ds.classCounts().entrySet()) {
            h.append("<tr><td class=\"l\">")
                    .append(escape(e.getKey()))
                    .append("</td><td>")
                    .append(e.getValue())
                    .append("</td><td>")
                    .append(fmt("%.1f%%", 100.0 * e.getValue() / Math.max(1, total)))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p>Imbalance ratio (majority / minority): <b>")
                .append(fmt("%.2f", ds.imbalanceRatio()))
                .append("</b></p>\n");
    }

    private static void arms(StringBuilder h, ReportData d) {
        h.append("<h2 id=\"arms\">Arms</h2>\n");
        if (d.arms().isEmpty()) {
            h.append("<p class=\"muted\">No arm results.</p>\n");
            return;
        }
        String m = escape(d.selectionMetric());
        h.append("<table>\n<tr><th class=\"l\">arm</th><th class=\"l\">family</th><th class=\"l\">method</th>")
                .append("<th class=\"l\">chosen</th><th>")
                .append(m)
                .append(" mean ± sd</th>")
                .append("<th>non-zero params</th><th>params</th><th>bytes</th><th>latency (µs/row)</th>")
                .append("<th>dense ")
                .append(m)
                .append("</th><th>change vs dense</th><th>size vs dense</th>")
                .append("<th>best on test (optimistic)</th></tr>\n");
        for (ArmSummary a : d.arms()) {
            double change = a.metricChange();
            h.append("<tr><td class=\"l\">")
                    .append(escape(a.arm()))
                    .append("</td><td class=\"l\">")
                    .append(escape(a.family()))
                    .append("</td><td class=\"l\">")
                    .append(escape(a.method()))
                    .append("</td><td class=\"l\">")
                    .append(escape(a.chosen()))
                    .append("</td><td>")
                    .append(fmt("%.4f", a.mean()))
                    .append(" ± ")
                    .append(fmt("%.4f", a.sd()))
                    .append("</td><td>")
                    .append(fmt("%,.0f", a.nonZeroParameters()))
                    .append("</td><td>")
                    .append(fmt("%,.0f", a.parameters()))
                    .append("</td><td>")
                    .append(fmt("%,.0f", a.bytes()))
                    .append("</td><td>")
                    .append(fmt("%.1f", a.latencyUs()))
                    .append("</td><td>")
                    .append(fmt("%.4f", a.denseMean()))
                    .append("</td><td class=\"")
                    .append(change < 0 ? "neg" : "pos")
                    .append("\">")
                    .append(fmt("%+.4f", change))
                    .append("</td><td>")
                    .append(fmt("%.3f×", a.sizeRatio()))
                    .append("</td><td>")
                    .append(fmt("%.4f", a.optimisticMean()))
                    .append(" (")
                    .append(fmt("%+.4f", a.optimism()))
                    .append(")</td></tr>\n");
        }
        h.append("</table>\n<p class=\"muted\">Chosen: selected by inner validation only (nested, honest). "
                + "Dense: candidate 0 of each fold, the model as trained. Best on test: the candidate that scored best on each "
                + "outer test fold, i.e. the optimistic figure obtained by tuning the pruning level on the test set; "
                + "shown for contrast, never report it.</p>\n");
    }

    private static void comparisons(StringBuilder h, List<PairedComparison> cs) {
        h.append("<h2 id=\"comparisons\">Paired comparisons</h2>\n");
        if (cs.isEmpty()) {
            h.append("<p class=\"muted\">Fewer than two arms, or no per-fold results.</p>\n");
            return;
        }
        h.append("<p class=\"muted\">Differences A − B of the chosen candidates on the same outer folds: mean with "
                + "its plain 95 % t interval, and two two-sided p-values: the Wilcoxon signed-rank test, and the "
                + "corrected resampled t-test (Nadeau &amp; Bengio, 2003), which allows for the training rows the folds "
                + "share and is the one to trust; the plain interval and the Wilcoxon p are optimistic.</p>\n");
        h.append("<table>\n<tr><th class=\"l\">A</th><th class=\"l\">B</th><th class=\"l\">metric</th>"
                + "<th>mean A − B [95 % CI]</th><th>sd</th><th>folds</th><th>A better in</th><th>Wilcoxon p</th>"
                + "<th>corrected t-test p</th></tr>\n");
        for (PairedComparison c : cs) {
            h.append("<tr><td class=\"l\">")
                    .append(escape(c.armA()))
                    .append("</td><td class=\"l\">")
                    .append(escape(c.armB()))
                    .append("</td><td class=\"l\">")
                    .append(escape(c.metric()))
                    .append("</td><td>")
                    .append(fmt("%+.4f", c.meanDifference()))
                    .append(" [")
                    .append(fmt("%+.4f", c.ciLow()))
                    .append(", ")
                    .append(fmt("%+.4f", c.ciHigh()))
                    .append("]</td><td>")
                    .append(fmt("%.4f", c.sdDifference()))
                    .append("</td><td>")
                    .append(c.folds())
                    .append("</td><td>")
                    .append(c.winsA() < 0 ? "–" : String.valueOf(c.winsA()))
                    .append("</td><td>")
                    .append(fmt("%.3g", c.wilcoxonP()))
                    .append(c.wilcoxonExact() ? " (exact)" : "")
                    .append("</td><td>")
                    .append(fmt("%.3g", c.correctedP()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void figures(StringBuilder h, List<Figure> figures) {
        h.append("<h2 id=\"figures\">Figures</h2>\n");
        if (figures.isEmpty()) {
            h.append("<p class=\"muted\">No figures.</p>\n");
        }
        for (Figure f : figures) {
            h.append("<figure id=\"fig-")
                    .append(escape(f.name()))
                    .append("\">\n<img alt=\"")
                    .append(escape(f.name()))
                    .append("\" width=\"1200\" height=\"800\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png()))
                    .append("\"/>\n<figcaption>")
                    .append(escape(f.caption()));
            if (f.svgFile() != null) {
                h.append(" <a href=\"").append(escape(f.svgFile())).append("\">SVG</a>");
            }
            h.append("</figcaption>\n</figure>\n");
        }
    }

    /** Formats a number (Locale.ROOT); non-finite values print as an en dash. */
    static String fmt(String pattern, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : "–";
    }
}
