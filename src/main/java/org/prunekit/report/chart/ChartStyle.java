package org.prunekit.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one look shared by all prunekit charts: 1200×800, sans-serif fonts of at least 14 pt, the Okabe–Ito
 * colour-blind-safe palette, light grid, legend outside the plot. Chart classes create their charts here and add
 * lines through {@link #addCurve}, which also drops points a log axis cannot show.
 */
public final class ChartStyle {

    static {
        // charts are drawn off-screen; never try to reach a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    /** Okabe & Ito (2008), "Color Universal Design", without yellow (too faint on white). */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999),
    };

    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE,
        SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_DOWN,
        SeriesMarkers.CROSS,
        SeriesMarkers.PLUS,
    };

    /** Dashed stroke for reference lines (1-SE, λ_min, λ_1se). */
    static final BasicStroke DASHED =
            new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 6f}, 0f);

    static final BasicStroke DOTTED =
            new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 5f}, 0f);

    private ChartStyle() {}

    /** An empty XY chart with title, axis titles (which should carry units) and the shared style. */
    public static XYChart xy(String title, String xTitle, String yTitle, boolean logX) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        var s = chart.getStyler();
        axes(s);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setSeriesColors(PALETTE);
        s.setSeriesMarkers(MARKERS);
        s.setMarkerSize(9);
        s.setErrorBarsColorSeriesColor(true);
        s.setXAxisLogarithmic(logX);
        if (!logX) {
            s.setXAxisDecimalPattern("#,##0.###");
        }
        s.setYAxisDecimalPattern("0.###");
        return chart;
    }

    /** An empty heat map with the shared style and a white-to-blue colour scale from {@code min} to {@code max}. */
    public static HeatMapChart heatMap(String title, String xTitle, String yTitle, double min, double max) {
        HeatMapChart chart =
                new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).build();
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        var s = chart.getStyler();
        axes(s);
        s.setRangeColors(new Color[] {Color.WHITE, new Color(0xC6DBEF), new Color(0x4292C6)});
        s.setMin(min);
        s.setMax(max);
        s.setShowValue(true);
        s.setValueFont(TICK_FONT);
        s.setHeatMapValueDecimalPattern("0.0#");
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setPlotGridLinesVisible(false);
        return chart;
    }

    private static void axes(AxesChartStyler s) {
        s.setChartTitleFont(TITLE_FONT);
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setLegendFont(LEGEND_FONT);
        s.setBaseFont(TICK_FONT);
        s.setAnnotationTextFont(TICK_FONT);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setLocale(Locale.ROOT);
        s.setChartPadding(16);
    }

    /**
     * Adds a curve as a line with markers (and error bars when it has them), skipping non-finite points and, on a log
     * x axis, points with {@code x <= 0}; a non-finite error (e.g. the sd of one fold) draws no bar. Returns the series, or {@code null} when no point is drawable.
     */
    public static XYSeries addCurve(XYChart chart, Curve curve) {
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        double[] x = curve.x();
        double[] y = curve.y();
        double[] e = curve.error();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0);
            if (ok) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            return null;
        }
        double[] kx = new double[keep.size()];
        double[] ky = new double[keep.size()];
        double[] ke = new double[keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            kx[j] = x[keep.get(j)];
            ky[j] = y[keep.get(j)];
            ke[j] = e.length == 0 || !Double.isFinite(e[keep.get(j)]) ? 0 : e[keep.get(j)];
        }
        String name = uniqueName(chart, curve.name());
        XYSeries series = e.length == 0 ? chart.addSeries(name, kx, ky) : chart.addSeries(name, kx, ky, ke);
        series.setLineWidth(2.5f);
        return series;
    }

    /**
     * Last touches that depend on the data, applied before encoding: a logarithmic x axis spanning at most two decades
     * is labelled at every multiple of its powers of ten (1, 2, ..., 9, 10, 20, ...), where labels at the powers alone
     * would be two or three; a wider one only at the powers of ten, as its multiples' labels would run together below
     * each power (three decades in 1200 pixels: "6070809100").
     */
    public static <C extends Chart<?, ?>> C finish(C chart) {
        if (chart instanceof XYChart xy && xy.getStyler().isXAxisLogarithmic()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (XYSeries s : xy.getSeriesMap().values()) {
                if (s.getXMin() > 0) {
                    lo = Math.min(lo, s.getXMin());
                    hi = Math.max(hi, s.getXMax());
                }
            }
            xy.getStyler().setXAxisLogarithmicDecadeOnly(!(hi / lo <= 100));
        }
        return chart;
    }

    /** A dashed horizontal reference line across {@code [x0, x1]}, shown in the legend as {@code name}. */
    static XYSeries horizontalLine(XYChart chart, String name, double y, double x0, double x1, Color color) {
        XYSeries s = chart.addSeries(uniqueName(chart, name), new double[] {x0, x1}, new double[] {y, y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(DASHED);
        return s;
    }

    /** A vertical reference line at {@code x} from {@code y0} to {@code y1}, shown in the legend as {@code name}. */
    static XYSeries verticalLine(
            XYChart chart, String name, double x, double y0, double y1, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(uniqueName(chart, name), new double[] {x, x}, new double[] {y0, y1});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /**
     * A hollow ring about twice the size of the series markers, for marking chosen points on top of a line without
     * hiding the line's own marker.
     */
    static final Marker RING = ring(0);

    /**
     * Ring {@code i} of several marking choices on one chart: each 0.7 marker widths wider than the one before, so
     * that rings on the same point stay apart (concentric).
     */
    static Marker ring(int i) {
        double scale = 2.2 + 0.7 * i;
        return new Marker() {
            @Override
            public void paint(Graphics2D g, double x, double y, int size) {
                double d = size * scale;
                g.setStroke(new BasicStroke(3f));
                g.draw(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
            }
        };
    }

    /**
     * File stem of a chart of several arms: {@code prefix} and the arms joined by {@code -}, or, when that would pass
     * 120 characters (arm names run to 64), the first arm and how many more: file names stay far below the 255 bytes
     * file systems allow.
     */
    static String armsStem(String prefix, List<String> arms) {
        String joined = prefix + String.join("-", arms);
        return joined.length() <= 120 ? joined : prefix + arms.get(0) + "-and-" + (arms.size() - 1) + "-more";
    }

    /** "Arm a" or "Arms a and b" or "Arms a, b and c", for captions. */
    static String armsPhrase(List<String> arms) {
        if (arms.size() == 1) {
            return "Arm " + arms.get(0);
        }
        return "Arms " + String.join(", ", arms.subList(0, arms.size() - 1)) + " and " + arms.get(arms.size() - 1);
    }

    /** Colour {@code i} of the palette, cycling. */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** {@code [min, max]} over the finite values of the given arrays, widened a little; {@code [0, 1]} if none. */
    static double[] range(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return new double[] {lo, hi};
    }

    private static String uniqueName(XYChart chart, String name) {
        String n = name.isBlank() ? "series" : name;
        String candidate = n;
        for (int k = 2; chart.getSeriesMap().containsKey(candidate); k++) {
            candidate = n + " (" + k + ")";
        }
        return candidate;
    }
}
