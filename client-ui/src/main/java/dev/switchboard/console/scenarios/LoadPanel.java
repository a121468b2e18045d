package dev.switchboard.console.scenarios;

import dev.switchboard.console.ui.Ui;
import dev.switchboard.scenario.load.LoadOptions;
import dev.switchboard.scenario.load.LoadReport;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;

/** Load settings, progress, and the live latency chart (p50/p95/p99 of steps, per second). */
final class LoadPanel {

    final Spinner<Integer> vus = new Spinner<>(1, LoadOptions.MAX_VUS, 10);
    final Spinner<Double> arrival = new Spinner<>(0.1, 1000, 5, 1);
    final Spinner<Integer> seconds = new Spinner<>(1, 3600, 10);
    final ProgressBar progress = new ProgressBar(0);
    final Label summary = new Label("Runs the scenario for many virtual users; actors with pick get their own users.");
    private final XYChart.Series<Number, Number> p50 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p95 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p99 = new XYChart.Series<>();
    final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final VBox node;

    LoadPanel() {
        for (Spinner<?> s : new Spinner<?>[] {vus, arrival, seconds}) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        vus.setId("load-vus");
        arrival.setId("load-arrival");
        seconds.setId("load-seconds");
        progress.setId("load-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        summary.setId("load-summary");
        summary.setWrapText(true);
        p50.setName("p50 ms");
        p95.setName("p95 ms");
        p99.setName("p99 ms");
        chart.getData().add(p50);
        chart.getData().add(p95);
        chart.getData().add(p99);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setId("load-chart");
        ((NumberAxis) chart.getXAxis()).setLabel("seconds");
        ((NumberAxis) chart.getYAxis()).setLabel("step latency (ms)");
        node = new VBox(8, Ui.row(Ui.hint("virtual users"), vus, Ui.hint("arrivals/s"), arrival, Ui.hint("seconds"),
                seconds), progress, summary, Ui.grow(chart));
    }

    VBox node() {
        return node;
    }

    LoadOptions options() {
        return new LoadOptions(vus.getValue(), arrival.getValue(), Duration.ofSeconds(seconds.getValue()));
    }

    void reset() {
        p50.getData().clear();
        p95.getData().clear();
        p99.getData().clear();
        progress.setProgress(0);
    }

    /** FX thread: the run has ended (arrivals may stop short of the duration): the bar shows it complete. */
    void finished(LoadReport r, LoadOptions options) {
        update(r, options);
        progress.setProgress(1);
    }

    /** FX thread: the run so far. */
    void update(LoadReport r, LoadOptions options) {
        reset();
        for (LoadReport.Second s : r.seconds()) {
            p50.getData().add(new XYChart.Data<>(s.second(), s.p50()));
            p95.getData().add(new XYChart.Data<>(s.second(), s.p95()));
            p99.getData().add(new XYChart.Data<>(s.second(), s.p99()));
        }
        progress.setProgress(Math.min(1, r.durationSeconds() / options.duration().toSeconds()));
        summary.setText(String.format(Locale.ROOT, "%.0f s: %d virtual users started, %d passed, %d failed, %d dropped;"
                        + " %.1f events/s%s", r.durationSeconds(), r.vusStarted(), r.vusPassed(), r.vusFailed(),
                r.vusDropped(), r.eventsPerSecond(), r.failures().isEmpty() ? "" : "; failures: " + r.failures()));
    }
}
