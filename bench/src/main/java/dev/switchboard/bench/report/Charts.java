package dev.switchboard.bench.report;

import dev.switchboard.bench.result.AppRun;
import dev.switchboard.bench.result.AppStep;
import dev.switchboard.bench.result.ConnectionsRun;
import dev.switchboard.bench.result.EventFigures;
import dev.switchboard.bench.result.Latency;
import dev.switchboard.bench.result.Report;
import dev.switchboard.bench.result.TransportRun;
import dev.switchboard.bench.result.TransportSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Renders the run's charts as PNG files (headless AWT), ours in blue next to Node's in orange. */
public final class Charts {

    static final Color OURS = new Color(0x1f, 0x77, 0xb4);
    static final Color OURS_LIGHT = new Color(0x7f, 0xb5, 0xe0);
    static final Color NODE = new Color(0xe6, 0x7e, 0x22);
    static final Color NODE_LIGHT = new Color(0xf5, 0xbf, 0x8a);
    static final Color FILE = new Color(0x2c, 0xa0, 0x2c);
    static final Color FILE_LIGHT = new Color(0x98, 0xdf, 0x8a);
    static final Color GREY = new Color(0x99, 0x99, 0x99);
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private Charts() {
    }

    public static List<Path> render(Report report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        String subtitle = subtitle(report);
        List<Path> written = new ArrayList<>();
        List<TransportRun> official = report.transport() == null ? List.of() : report.transport().runs().stream()
                .filter(r -> r.client().equals(TransportRun.OFFICIAL)).toList();
        if (!official.isEmpty()) {
            written.add(save(transportLatency(official, subtitle), dir.resolve("transport-latency.png")));
            written.add(saveSideBySide(transportBars(report, "Acks per second (higher is better)",
                            "acks/s", TransportSummary::acksPerSecond, "#,##0", subtitle),
                    transportBars(report, "Server CPU per ack (lower is better)", "µs per ack",
                            TransportSummary::serverCpuMicrosPerAck, "#,##0.0", subtitle),
                    dir.resolve("transport-throughput.png")));
        }
        if (report.connections() != null && !report.connections().isEmpty()) {
            written.add(save(connectionsMemory(report.connections(), report.settings().connections(), subtitle),
                    dir.resolve("connections-memory.png")));
        }
        List<AppRun> apps = report.app() == null ? List.of()
                : report.app().stream().filter(a -> !a.steps().isEmpty()).toList();
        if (!apps.isEmpty()) {
            written.add(save(appRate(apps, report.settings().p99TargetMs(), subtitle), dir.resolve("app-latency-by-rate.png")));
            written.add(save(appThroughput(apps, subtitle), dir.resolve("app-throughput.png")));
            AppRun first = apps.get(0);
            written.add(save(appEvents(Table.featuredStep(first), first.database(), first.best() != null, subtitle),
                    dir.resolve("app-events.png")));
        }
        return written;
    }

    private static String subtitle(Report r) {
        return String.format("%s run %s, %s, %d cores, %.0f GiB, Java %s, Node %s, socket.io %s, load avg %.1f;"
                        + " official socket.io-client@4", r.mode(),
                r.startedAt().substring(0, Math.min(16, r.startedAt().length())).replace('T', ' '),
                r.machine().cpuModel(), r.machine().cores(), r.machine().memoryBytes() / 1073741824.0,
                r.machine().javaVersion(), r.machine().nodeVersion(), r.machine().socketIoVersion(),
                r.machine().loadAverageAtStart());
    }

    static JFreeChart transportLatency(List<TransportRun> runs, String subtitle) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Integer> seen = new HashMap<>();
        List<Color> colors = new ArrayList<>();
        for (TransportRun run : runs) {
            int n = seen.merge(run.server(), 1, Integer::sum);
            String series = run.server() + " run " + n;
            boolean ours = run.server().equals("ours");
            colors.add(ours ? (n == 1 ? OURS : OURS_LIGHT) : (n == 1 ? NODE : NODE_LIGHT));
            for (Latency.Point p : run.latency().distribution()) {
                data.addValue(p.ms(), series, percentileLabel(p.percentile()));
            }
        }
        JFreeChart chart = ChartFactory.createLineChart("Transport: ack latency by percentile (lower is better)",
                "percentile", "ack latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, subtitle);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < colors.size(); i++) {
            renderer.setSeriesPaint(i, colors.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        return chart;
    }

    static String percentileLabel(double p) {
        if (p >= 100) {
            return "max";
        }
        return "p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p));
    }

    private static JFreeChart transportBars(Report r, String title, String axis,
                                            java.util.function.ToDoubleFunction<TransportSummary> value,
                                            String numberFormat, String subtitle) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String server : List.of("ours", "node")) {
            Table.summary(r, server, TransportRun.OFFICIAL)
                    .ifPresent(s -> data.addValue(value.applyAsDouble(s), "median", server));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "median of " + r.settings().transportPairs()
                + " run(s), " + r.settings().transportClients() + " clients", axis, data, PlotOrientation.VERTICAL,
                false, false, false);
        style(chart, subtitle);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return "ours".equals(data.getColumnKey(column)) ? OURS : NODE;
            }
        };
        chart.getCategoryPlot().setRenderer(renderer);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.25);
        labelBars(renderer, numberFormat);
        return chart;
    }

    static JFreeChart connectionsMemory(List<ConnectionsRun> runs, int target, String subtitle) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ConnectionsRun c : runs) {
            String label = c.server() + " (" + c.ramp().connected() + ")";
            data.addValue(c.rssPerConnectionKb(), "RSS per connection (darker bar)", label);
            data.addValue(c.heapPerConnectionKb(), "heap per connection after GC (lighter bar)", label);
        }
        JFreeChart chart = ChartFactory.createBarChart("Memory per idle websocket connection (lower is better)",
                "server (connections held, target " + target + ")", "KB per connection", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart, subtitle);
        // ours in blue, Node in orange; the darker bar is RSS, the lighter one heap
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                boolean node = data.getColumnKey(column).toString().startsWith("node");
                return row == 0 ? (node ? NODE : OURS) : (node ? NODE_LIGHT : OURS_LIGHT);
            }
        };
        chart.getCategoryPlot().setRenderer(renderer);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.2);
        renderer.setSeriesPaint(0, Color.DARK_GRAY);
        renderer.setSeriesPaint(1, Color.LIGHT_GRAY);
        labelBars(renderer, "#,##0.0");
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
        return chart;
    }

    static JFreeChart appRate(List<AppRun> apps, double p99TargetMs, String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        double maxX = 0;
        double maxY = p99TargetMs;
        double minY = p99TargetMs;
        for (AppRun app : apps) {
            XYSeries p99 = new XYSeries("ack p99, " + app.database() + " database", true, false);
            XYSeries p50 = new XYSeries("ack p50, " + app.database() + " database", true, false);
            // a rate the search offered again has several windows: its point is their median
            Map<Double, List<AppStep>> byRate = new TreeMap<>();
            app.steps().forEach(step -> byRate.computeIfAbsent(step.offeredPerSecond(), r -> new ArrayList<>()).add(step));
            byRate.forEach((rate, windows) -> {
                p99.add(rate.doubleValue(), median(windows.stream().mapToDouble(w -> w.ack().p99Ms()).toArray()));
                p50.add(rate.doubleValue(), median(windows.stream().mapToDouble(w -> w.ack().p50Ms()).toArray()));
            });
            data.addSeries(p99);
            data.addSeries(p50);
            maxX = Math.max(maxX, p99.getMaxX());
            maxY = Math.max(maxY, p99.getMaxY());
            minY = Math.min(minY, p50.getMinY());
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Application: ack latency by offered rate ("
                        + apps.get(0).users() + " users, mixed events)", "offered events per second",
                "ack latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, subtitle);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            boolean file = i / 2 == 1;
            boolean p99 = i % 2 == 0;
            renderer.setSeriesPaint(i, file ? (p99 ? FILE : FILE_LIGHT) : (p99 ? OURS : OURS_LIGHT));
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        plot.setRenderer(renderer);
        // whole rates from 0, also when a single step was measured (the auto range would collapse)
        org.jfree.chart.axis.NumberAxis rates = (org.jfree.chart.axis.NumberAxis) plot.getDomainAxis();
        rates.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        rates.setRange(0, maxX * 1.1);
        // logarithmic: a few milliseconds under the target and seconds past it both stay readable
        org.jfree.chart.axis.LogAxis ms = new org.jfree.chart.axis.LogAxis("ack latency (ms, logarithmic)");
        ms.setBase(10);
        ms.setSmallestValue(0.01);
        ms.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // one label per power of ten
        ms.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
        ms.setRange(Math.max(0.01, minY / 2), maxY * 2);
        ms.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        ms.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        plot.setRangeAxis(ms);
        ValueMarker target = new ValueMarker(p99TargetMs, Color.RED, new BasicStroke(1.5f));
        target.setLabel("p99 target " + (int) p99TargetMs + " ms");
        target.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(target);
        return chart;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Completed against offered rate, every step and the overload step, with the line where they are equal. */
    static JFreeChart appThroughput(List<AppRun> apps, String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        double maxX = 0;
        for (AppRun app : apps) {
            XYSeries completed = new XYSeries("completed, " + app.database() + " database", true, true);
            XYSeries ok = new XYSeries("answered ok, " + app.database() + " database", true, true);
            List<AppStep> all = new ArrayList<>(app.steps());
            if (app.overload() != null) {
                all.add(app.overload());
            }
            for (AppStep step : all) {
                completed.addOrUpdate(step.offeredPerSecond(), step.completedPerSecond());
                ok.addOrUpdate(step.offeredPerSecond(), step.okPerSecond());
                maxX = Math.max(maxX, step.offeredPerSecond());
            }
            data.addSeries(completed);
            data.addSeries(ok);
        }
        XYSeries offered = new XYSeries("offered (completed = offered)", true, true);
        offered.add(0, 0);
        offered.add(maxX, maxX);
        data.addSeries(offered);
        JFreeChart chart = ChartFactory.createXYLineChart("Application: completed rate by offered rate, up to overload",
                "offered events per second", "events per second", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, subtitle);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount() - 1; i++) {
            boolean file = i / 2 == 1;
            boolean completed = i % 2 == 0;
            renderer.setSeriesPaint(i, file ? (completed ? FILE : FILE_LIGHT) : (completed ? OURS : OURS_LIGHT));
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        int diagonal = data.getSeriesCount() - 1;
        renderer.setSeriesPaint(diagonal, GREY);
        renderer.setSeriesShapesVisible(diagonal, false);
        renderer.setSeriesStroke(diagonal, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 6}, 0));
        plot.setRenderer(renderer);
        return chart;
    }

    static JFreeChart appEvents(AppStep best, String database, boolean metTarget, String subtitle) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, EventFigures> e : best.events().entrySet()) {
            data.addValue(e.getValue().p50Ms(), "p50", e.getKey());
            data.addValue(e.getValue().p99Ms(), "p99", e.getKey());
        }
        for (Map.Entry<String, Latency> e : best.pushes().entrySet()) {
            data.addValue(e.getValue().p50Ms(), "p50", "push " + e.getKey());
            data.addValue(e.getValue().p99Ms(), "p99", "push " + e.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(String.format(
                        "Application (%s database) at %.0f events/s%s: ack and push latency", database,
                        best.offeredPerSecond(), metTarget ? "" : " (lowest rate tried)"),
                "event (ack) or push (send to receipt on the other user's socket)", "latency (ms)", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart, subtitle);
        BarRenderer renderer = bars(chart);
        renderer.setSeriesPaint(0, OURS_LIGHT);
        renderer.setSeriesPaint(1, OURS);
        labelBars(renderer, "#,##0.0");
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return chart;
    }

    private static BarRenderer bars(JFreeChart chart) {
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, OURS);
        renderer.setSeriesPaint(1, NODE);
        renderer.setMaximumBarWidth(0.2);
        return renderer;
    }

    private static void labelBars(BarRenderer renderer, String decimalFormat) {
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat(decimalFormat)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    }

    private static void style(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        TextTitle sub = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        sub.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(sub);
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            p.getRangeAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        }
    }

    private static Path save(JFreeChart chart, Path file) throws IOException {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Path saveSideBySide(JFreeChart left, JFreeChart right, Path file) throws IOException {
        BufferedImage image = new BufferedImage(1300, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int half = image.getWidth() / 2;
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        left.draw(g, new Rectangle2D.Double(0, 0, half, HEIGHT));
        right.draw(g, new Rectangle2D.Double(half, 0, half, HEIGHT));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
