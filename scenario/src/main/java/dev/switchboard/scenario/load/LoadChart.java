package dev.switchboard.scenario.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The load run's PNG: step latency p50/p95/p99 per second above, events/s and active users below. */
public final class LoadChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private LoadChart() {
    }

    public static void write(LoadReport report, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries p50 = new XYSeries("p50 ms");
        XYSeries p95 = new XYSeries("p95 ms");
        XYSeries p99 = new XYSeries("p99 ms");
        XYSeries events = new XYSeries("events/s");
        XYSeries active = new XYSeries("active virtual users");
        for (LoadReport.Second s : report.seconds()) {
            p50.add(s.second(), s.p50());
            p95.add(s.second(), s.p95());
            p99.add(s.second(), s.p99());
            events.add(s.second(), s.events());
            active.add(s.second(), s.activeVus());
        }
        XYPlot latency = plot(collection(p50, p95, p99), "step latency (ms)", new Color(0x2c, 0xa0, 0x2c), new Color(0xff, 0x7f, 0x0e), new Color(0xd6, 0x27, 0x28));
        XYPlot load = plot(collection(events, active), "per second", new Color(0x1f, 0x77, 0xb4), new Color(0x99, 0x99, 0x99));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("seconds since start"));
        combined.add(latency, 3);
        combined.add(load, 2);
        JFreeChart chart = new JFreeChart(report.scenario() + ": " + report.vus() + " virtual users, "
                + report.arrivalPerSecond() + " arrivals/s", JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static XYSeriesCollection collection(XYSeries... series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) {
            c.addSeries(s);
        }
        return c;
    }

    private static XYPlot plot(XYSeriesCollection data, String axis, Color... colors) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, null, new NumberAxis(axis), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        return plot;
    }
}
