package dev.switchboard.scenario.cli;

import dev.switchboard.scenario.load.LoadChart;
import dev.switchboard.scenario.load.LoadDriver;
import dev.switchboard.scenario.load.LoadOptions;
import dev.switchboard.scenario.load.LoadReport;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scenario load FILE}: the scenario for many virtual users; latency per step, failures, events/s. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Runs one scenario for many virtual users (actors with pick get their own users); prints"
                + " per-step latency p50/p95/p99, failures by kind and events/s; writes JSON and a PNG chart.")
final class LoadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the scenario file")
    Path file;

    @Option(names = "--vus", paramLabel = "N", defaultValue = "10", description = "at most N virtual users at once"
            + " (default ${DEFAULT-VALUE})")
    int vus;

    @Option(names = "--arrival", paramLabel = "R/s", defaultValue = "5", converter = RateConverter.class,
            description = "new virtual users per second, e.g. 20 or 20/s (default ${DEFAULT-VALUE})")
    double arrival;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "10", converter = SecondsConverter.class,
            description = "how long arrivals go on, e.g. 30 or 30s (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--out", paramLabel = "PATH.json", description = "the JSON report (the chart goes beside it as"
            + " .png; default scenario-load/<name>-<time>.json)")
    Path outFile;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioReader.read(file);
        LoadOptions options;
        try {
            options = new LoadOptions(vus, arrival, duration);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LoadReport report;
        try (ServerSetup setup = ServerSetup.open(server)) {
            out.println(setup.description());
            if (!scenario.picksUsers()) {
                out.println("note: no actor uses pick, so every virtual user is the same users at once");
            }
            out.printf(Locale.ROOT, "load: %s, up to %d virtual users, %.1f arrivals/s for %d s%n", scenario.name(),
                    vus, arrival, duration.toSeconds());
            out.flush();
            LoadDriver driver = new LoadDriver();
            report = driver.run(scenario, setup.target(), options, r -> {
                out.printf(Locale.ROOT, "  %5.1f s  started %d  passed %d  failed %d  dropped %d  events/s %.1f%n",
                        r.durationSeconds(), r.vusStarted(), r.vusPassed(), r.vusFailed(), r.vusDropped(),
                        r.eventsPerSecond());
                out.flush();
            });
        }
        print(report, out);
        Path json = outFile != null ? outFile : Path.of("scenario-load", slug(scenario.name()) + "-"
                + report.startedAt().replaceAll("[:.]", "-") + ".json");
        Path png = Path.of(json.toString().replaceAll("\\.json$", "") + ".png");
        if (json.toAbsolutePath().getParent() != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
        }
        ScenarioReader.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
        LoadChart.write(report, png);
        out.println("report: " + json + "\nchart:  " + png);
        out.flush();
        return report.passed() ? ScenarioCommand.PASSED : ScenarioCommand.FAILED;
    }

    static void print(LoadReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%nvirtual users: %d started, %d passed, %d failed, %d dropped (all busy)%n",
                r.vusStarted(), r.vusPassed(), r.vusFailed(), r.vusDropped());
        out.printf(Locale.ROOT, "events: %d acked, %.1f/s; pushes received: %d%n", r.events(), r.eventsPerSecond(),
                r.pushes());
        out.printf(Locale.ROOT, "%-4s %-48s %7s %6s %7s %7s %7s %7s%n", "step", "", "count", "failed", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        for (LoadReport.StepLatency s : r.steps()) {
            out.printf(Locale.ROOT, "%-4d %-48s %7d %6d %7d %7d %7d %7d%n", s.step(), cut(s.description(), 48), s.count(),
                    s.failed(), s.p50(), s.p95(), s.p99(), s.max());
        }
        if (!r.failures().isEmpty()) {
            out.println("failures by kind:");
            r.failures().forEach((kind, n) -> out.println("  " + n + " × " + kind));
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "scenario" : s;
    }

    /** {@code 20} or {@code 20/s}. */
    static final class RateConverter implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Double.parseDouble(value.replaceFirst("/s$", ""));
        }
    }

    /** {@code 30} or {@code 30s}. */
    static final class SecondsConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofMillis((long) (Double.parseDouble(value.replaceFirst("s$", "")) * 1000));
        }
    }
}
