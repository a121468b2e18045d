package dev.switchboard.bench.official;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.Json;
import dev.switchboard.bench.LatencyHistogram;
import dev.switchboard.bench.result.AppConnect;
import dev.switchboard.bench.result.AppRun;
import dev.switchboard.bench.result.AppStep;
import dev.switchboard.bench.result.EventFigures;
import dev.switchboard.bench.result.GcPauses;
import dev.switchboard.bench.result.Latency;
import dev.switchboard.bench.run.AppFixture;
import dev.switchboard.bench.run.AppPlan;
import dev.switchboard.bench.run.CpuWindow;
import dev.switchboard.bench.run.GcLog;
import dev.switchboard.bench.run.NodeLoad;
import dev.switchboard.bench.run.ServerProcess;
import dev.switchboard.protocol.jwt.Jwt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Workload 2 with the official client, on one running application server: seeds the generated
 * fixture with scripts/seed, connects every user (25 handshakes in flight, each counted until its
 * fourth connect push), then offers the mix open-loop at rising rates until the p99 ack latency passes
 * the target (in two of at most three windows: a rate whose first window fails is offered again), refines between the last rate that passed and the first that failed, and finally offers
 * {@code overloadFactor} times the best rate to see how the excess is answered.
 */
public final class Application {

    /** The pushes the server sends every socket on connect (docs/protocol.md), in order. */
    public static final List<String> CONNECT_PUSHES = List.of("user/chatList/send/all", "message/unread/send/all",
            "story/send/all", "tweet/send/byPagination");
    static final int CONNECT_IN_FLIGHT = 25;
    /** Rounds of reconnecting every user on the warm server; the median is reported. */
    static final int WARM_CONNECT_ROUNDS = 3;
    static final int MAX_OUTSTANDING_PER_PROCESS = 20_000;

    public record Settings(int users, int processes, double startRate, double maxRate, int refineSteps, Duration warmup,
                           Duration window, Duration ackTimeout, double p99TargetMs, double overloadFactor,
                           List<Double> fixedRates) {
        /** The rates to offer: the ones asked for, else doubling from the start rate up to the maximum. */
        List<Double> searchRates() {
            if (!fixedRates.isEmpty()) {
                return fixedRates;
            }
            List<Double> rates = new ArrayList<>();
            for (double r = startRate; r <= maxRate; r *= 2) {
                rates.add(r);
            }
            return rates;
        }
    }

    private final Settings s;
    private final ServerProcess server;
    private final NodeLoad load;
    private final Consumer<String> progress;
    private int stepNumber;

    private Application(Settings s, ServerProcess server, NodeLoad load, Consumer<String> progress) {
        this.s = s;
        this.server = server;
        this.load = load;
        this.progress = progress;
    }

    /** Seeds and writes the plan; returns the plan file and the seeding time. */
    public record Fixture(Path plan, AppFixture.Seeded seeded) {
    }

    public static Fixture seed(Path root, Path logs, String database, int users, int dbPort, Duration timeout)
            throws Exception {
        String mongoUri = "mongodb://127.0.0.1:" + dbPort + "/switchboard";
        AppFixture.Seeded seeded = AppFixture.seed(root, users, mongoUri, logs.resolve("seed-" + database + ".log"),
                timeout);
        if (!seeded.completed()) {
            throw new IllegalStateException("scripts/seed generated --users " + users + " failed: " + seeded.outcome());
        }
        AppPlan plan = AppFixture.plan(mongoUri, Jwt.EXAMPLE_SECRET);
        Path planFile = logs.resolve("app-plan-" + database + ".json");
        Json.MAPPER.writer().writeValue(planFile.toFile(), plan);
        return new Fixture(planFile, seeded);
    }

    /** Only the first connect of every user, on a server that was started with {@code --warm-up} and then seeded. */
    public static AppConnect firstConnect(String database, Settings s, ServerProcess server, Fixture fixture, Path root,
                                          Path logs, Consumer<String> progress) throws Exception {
        try (NodeLoad load = NodeLoad.start(root, s.processes(), logs, "load-app-warmed-" + database)) {
            return new Application(s, server, load, progress).connect(fixture.plan(),
                    "first connect after a start with --warm-up");
        }
    }

    public static AppRun run(String database, Settings s, ServerProcess server, Fixture fixture,
                             AppRun.WarmedStart warmedStart, Path root, Path logs, Consumer<String> progress)
            throws Exception {
        try (NodeLoad load = NodeLoad.start(root, s.processes(), logs, "load-app-" + database)) {
            Application app = new Application(s, server, load, progress);
            AppConnect first = app.connect(fixture.plan(), "first connect after start");
            app.disconnectAll();
            AppConnect connect = app.connect(fixture.plan(), "connect again");
            Thread.sleep(1000);
            Duration warmup = s.window().multipliedBy(3);
            progress.accept("app " + database + ": warm-up (not counted): the mix for " + warmup.toSeconds() + " s at "
                    + Math.round(s.startRate() * 4) + "/s, so the JIT has compiled its paths");
            app.step(s.startRate() * 4, Duration.ZERO, warmup, s.ackTimeout());
            List<AppConnect> warmConnects = new ArrayList<>();
            for (int round = 1; round <= WARM_CONNECT_ROUNDS; round++) {
                app.disconnectAll();
                warmConnects.add(app.connect(fixture.plan(), "connect again after the warm-up, round " + round + " of "
                        + WARM_CONNECT_ROUNDS));
            }
            Thread.sleep(1000);
            List<AppStep> steps = new ArrayList<>();
            AppStep best = null;
            AppStep failed = null;
            boolean searching = s.fixedRates().isEmpty();
            for (double r : s.searchRates()) {
                AppStep step = searching ? app.judged(r, steps) : app.step(r, s.ackTimeout());
                if (!searching) {
                    steps.add(step);
                }
                if (!step.passed()) {
                    failed = step;
                    if (searching) {
                        break;
                    }
                } else if (best == null || step.offeredPerSecond() > best.offeredPerSecond()) {
                    best = step;
                }
            }
            for (int i = 0; searching && i < s.refineSteps() && best != null && failed != null; i++) {
                double mid = Math.round((best.offeredPerSecond() + failed.offeredPerSecond()) / 2 / 10) * 10.0;
                if (mid <= best.offeredPerSecond() || mid >= failed.offeredPerSecond()) {
                    break;
                }
                AppStep step = app.judged(mid, steps);
                if (step.passed()) {
                    best = step;
                } else {
                    failed = step;
                }
            }
            double base = best != null ? best.offeredPerSecond() : s.startRate();
            AppStep overload = s.overloadFactor() > 0 ? app.step(base * s.overloadFactor(), s.ackTimeout()) : null;
            double peak = steps.stream().mapToDouble(AppStep::completedPerSecond).max().orElse(0);
            return new AppRun(database, s.users(), fixture.seeded().seconds(), first, warmedStart, connect, warmConnects,
                    s.p99TargetMs(), steps,
                    best,
                    peak, s.overloadFactor(), overload);
        }
    }

    /** Connects every user of the plan (25 handshakes in flight) until each has its four connect pushes. */
    private AppConnect connect(Path plan, String what) throws Exception {
        String url = "http://127.0.0.1:" + server.port();
        CpuWindow cpu = CpuWindow.start(server.pid(), load);
        List<JsonNode> answers = load.send(i -> Map.of("cmd", "connect", "url", url, "plan", plan.toString(),
                "from", load.offset(s.users(), i), "count", load.share(s.users(), i),
                "inFlight", Math.max(1, load.share(CONNECT_IN_FLIGHT, i)), "awaitEvents", CONNECT_PUSHES,
                "timeoutMs", 30_000, "localAddresses", NodeLoad.SOURCE_ADDRESSES), Duration.ofSeconds(600));
        cpu.end();
        int connected = (int) NodeLoad.sum(answers, "connected");
        double seconds = answers.stream().mapToDouble(a -> a.path("seconds").asDouble()).max().orElse(0);
        List<String> failures = new ArrayList<>();
        answers.forEach(a -> a.path("failureSamples").forEach(f -> failures.add(f.asText())));
        AppConnect result = new AppConnect(s.users(), connected, (int) NodeLoad.sum(answers, "failed"),
                CONNECT_IN_FLIGHT, round(seconds), seconds == 0 ? 0 : round(connected / seconds),
                Latency.of(NodeLoad.histogram(answers, "latency")), (int) NodeLoad.sum(answers, "readyTimeouts"),
                cpu.serverCpuPercent(), connected == 0 ? 0 : round(cpu.serverCpuMicros() / 1000.0 / connected),
                cpu.load(), failures.subList(0, Math.min(5, failures.size())));
        progress.accept(String.format("app: %s: %d users connected at %.0f/s (to the 4th connect push p50 %.0f ms,"
                        + " p99 %.0f ms), server CPU %.1f ms per connect", what, result.connected(),
                result.connectsPerSecond(), result.toFourthPush().p50Ms(), result.toFourthPush().p99Ms(),
                result.serverCpuMillisPerConnect()));
        if (connected == 0) {
            throw new IllegalStateException("no user could connect: " + failures);
        }
        return result;
    }

    /** Every socket of the load processes closes; the server records their last_seen before the next connect. */
    private void disconnectAll() throws Exception {
        load.send(i -> Map.of("cmd", "disconnect"), Duration.ofSeconds(60));
        Thread.sleep(3000);
    }

    /**
     * Judges a rate of the search: one window, and when it fails, more until two have passed or two have failed, so
     * one noisy window on a shared 2-core host does not end the search (nor does one lucky window carry it), and a
     * rate past capacity costs one window more, not two (every window over capacity leaves the next ones a fuller
     * heap). Every window goes to {@code steps}; the one returned stands for the rate: the worse of the two that
     * passed, else the first that failed.
     */
    private AppStep judged(double offered, List<AppStep> steps) throws Exception {
        List<AppStep> passed = new ArrayList<>();
        List<AppStep> failed = new ArrayList<>();
        while (true) {
            AppStep window = step(offered, s.ackTimeout());
            steps.add(window);
            (window.passed() ? passed : failed).add(window);
            if (failed.isEmpty() || passed.size() == 2) {
                return passed.stream().max(Comparator.comparingDouble(w -> w.ack().p99Ms())).orElseThrow();
            }
            if (failed.size() == 2) {
                return failed.get(0);
            }
            progress.accept(String.format("app: %.0f/s failed a window (%s): offered again", offered,
                    failed.get(failed.size() - 1).verdict()));
        }
    }

    private AppStep step(double offered, Duration ackTimeout) throws Exception {
        return step(offered, s.warmup(), s.window(), ackTimeout);
    }

    private AppStep step(double offered, Duration warmup, Duration window, Duration ackTimeout) throws Exception {
        int number = ++stepNumber;
        long start = System.currentTimeMillis() + warmup.toMillis();
        long end = start + window.toMillis();
        var answers = load.sendAsync(i -> Map.of("cmd", "step", "rate", offered / load.size(), "windowStart", start,
                "windowEnd", end, "ackTimeoutMs", ackTimeout.toMillis(), "maxOutstanding", MAX_OUTSTANDING_PER_PROCESS,
                "seed", 1000 * number + i + 1), warmup.plus(window).plus(ackTimeout).plusSeconds(60));
        CpuWindow.sleepUntil(start);
        CpuWindow cpu = CpuWindow.start(server.pid(), load);
        CpuWindow.sleepUntil(end);
        cpu.end();
        GcPauses gc = GcLog.within(GcLog.besides(server.log()), start, end);
        AppStep step = summarise(offered, window, answers.get(), cpu, gc);
        progress.accept(String.format("app: %.0f/s offered -> %.0f completed/s (%.0f ok/s), p99 %.1f ms, %d timeouts,"
                        + " statuses %s, server CPU %.0f %%, load CPU %.0f %% (longest event-loop stall %.0f ms)%s: %s",
                offered, step.completedPerSecond(), step.okPerSecond(), step.ack().p99Ms(), step.timeouts(),
                step.statuses(), step.serverCpuPercent(), step.load().totalPercent(), step.clientStallMs(),
                gc == null ? "" : String.format(", GC paused it %s (p50 %.1f ms, longest %.1f ms, %.1f %% of the window)",
                        gc.count() == 1 ? "once" : gc.count() + " times", gc.p50Ms(), gc.maxMs(), gc.percentOfWindow()),
                step.verdict()));
        Thread.sleep(2000); // the server works off what is left before the next rate
        return step;
    }

    private AppStep summarise(double offered, Duration window, List<JsonNode> answers, CpuWindow cpu, GcPauses gc) {
        double seconds = window.toMillis() / 1000.0;
        LatencyHistogram all = new LatencyHistogram();
        Map<String, Long> statuses = new TreeMap<>();
        long timeouts = 0;
        Map<String, EventFigures> events = new LinkedHashMap<>();
        for (String event : eventNames(answers)) {
            LatencyHistogram h = new LatencyHistogram();
            Map<String, Long> mine = new TreeMap<>();
            long mineTimeouts = 0;
            for (JsonNode a : answers) {
                JsonNode e = a.path("events").path(event);
                NodeLoad.add(h, e.path("latency"));
                e.path("statuses").fields().forEachRemaining(f -> mine.merge(f.getKey(), f.getValue().asLong(), Long::sum));
                mineTimeouts += e.path("timeouts").asLong();
            }
            all.add(h);
            mine.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            timeouts += mineTimeouts;
            long answered = mine.values().stream().mapToLong(Long::longValue).sum();
            events.put(event, new EventFigures(answered, mine, mineTimeouts, ms(h.percentile(50)), ms(h.percentile(99)),
                    ms(h.max())));
        }
        Map<String, Latency> pushes = new LinkedHashMap<>();
        for (String push : List.of("message/send/to", "tweet/new")) {
            LatencyHistogram h = new LatencyHistogram();
            answers.forEach(a -> NodeLoad.add(h, a.path("pushes").path(push)));
            pushes.put(push, Latency.of(h));
        }
        long notSent = NodeLoad.sum(answers, "notSent");
        long answered = all.count();
        long ok = statuses.getOrDefault("ok", 0L);
        Latency ack = Latency.of(all);
        Map<String, LatencyHistogram> byStatus = new TreeMap<>();
        answers.forEach(a -> a.path("latencyByStatus").fields().forEachRemaining(f ->
                NodeLoad.add(byStatus.computeIfAbsent(f.getKey(), k -> new LatencyHistogram()), f.getValue())));
        Map<String, Latency> ackByStatus = new TreeMap<>();
        byStatus.forEach((status, h) -> ackByStatus.put(status, Latency.of(h)));
        double completed = round(answered / seconds);
        String verdict;
        if (answered == 0) {
            verdict = "nothing answered";
        } else if (ack.p99Ms() >= s.p99TargetMs()) {
            verdict = "p99 " + ack.p99Ms() + " ms is over the " + s.p99TargetMs() + " ms target";
        } else if (timeouts > 0) {
            verdict = timeouts + " acks timed out";
        } else if (notSent > 0) {
            verdict = notSent + " requests could not be sent";
        } else if (answered - ok > answered / 100) {
            verdict = (answered - ok) + " replies other than ok (over 1 %)";
        } else if (completed < 0.9 * offered) {
            verdict = "only " + Math.round(completed) + " completed/s of " + Math.round(offered) + " offered";
        } else {
            verdict = "ok";
        }
        double clientStall = answers.stream().mapToDouble(a -> a.path("loopDelayMs").path("max").asDouble()).max()
                .orElse(0);
        return new AppStep(offered, seconds, completed, round(ok / seconds), ack, ackByStatus, statuses, timeouts, notSent, events,
                pushes, cpu.load(), round(clientStall), cpu.serverCpuPercent(), gc, "ok".equals(verdict), verdict);
    }

    private static List<String> eventNames(List<JsonNode> answers) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        answers.forEach(a -> a.path("events").fieldNames().forEachRemaining(n -> names.put(n, true)));
        return new ArrayList<>(names.keySet());
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1000.0;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
