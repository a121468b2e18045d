package dev.switchboard.scenario.load;

import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.run.RunFrame;
import dev.switchboard.scenario.run.RunListener;
import dev.switchboard.scenario.run.RunTarget;
import dev.switchboard.scenario.run.ScenarioRunner;
import dev.switchboard.scenario.run.StepResult;
import dev.switchboard.scenario.run.UserPool;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a scenario as load: seeds its fixture once, then starts virtual users at the arrival rate, each
 * running the whole scenario with its own picked users, and gathers per-step latency, failures by kind
 * and events per second. {@link #cancel()} stops new arrivals; running users finish their scenario.
 */
public final class LoadDriver {

    private static final long DRAIN_SECONDS = 60;

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Blocks until the run is over. {@code progress} gets a report of the run so far about every second
     * (on the driver's thread).
     */
    public LoadReport run(Scenario scenario, RunTarget target, LoadOptions options, Consumer<LoadReport> progress)
            throws InterruptedException {
        scenario.fixture().spec().ifPresent(target::seed);
        UserPool pool = target.userPool();
        long start = System.nanoTime();
        String startedAt = Instant.now().toString();
        LoadStats stats = new LoadStats(scenario, start);
        RunListener listener = new RunListener() {
            @Override
            public void stepFinished(StepResult result) {
                stats.step(result);
            }
        };
        Consumer<RunFrame> frames = f -> {
            if (f.kind() == RunFrame.Kind.PUSH) {
                stats.push();
            }
        };
        ScenarioRunner runner = new ScenarioRunner(target, pool, listener, frames);
        Semaphore slots = new Semaphore(options.vus());
        ExecutorService vus = Executors.newFixedThreadPool(options.vus(), r -> {
            Thread t = new Thread(r, "scenario-vu");
            t.setDaemon(true);
            return t;
        });
        long intervalNanos = (long) (1_000_000_000L / options.arrivalPerSecond());
        long endNanos = start + options.duration().toNanos();
        long next = start;
        long lastProgress = start;
        try {
            while (!cancelled.get() && next < endNanos) {
                long now = System.nanoTime();
                if (now < next) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(next - now, 100_000_000L));
                } else {
                    next += intervalNanos;
                    if (slots.tryAcquire()) {
                        stats.vuStarted();
                        vus.execute(() -> {
                            try {
                                stats.vuFinished(runner.run(scenario, scenario.name()));
                            } finally {
                                slots.release();
                            }
                        });
                    } else {
                        stats.dropped();
                    }
                }
                if (System.nanoTime() - lastProgress >= 1_000_000_000L) {
                    lastProgress = System.nanoTime();
                    stats.tick();
                    progress.accept(stats.report(options, startedAt, (lastProgress - start) / 1e9));
                }
            }
            vus.shutdown();
            while (!vus.awaitTermination(1, TimeUnit.SECONDS)) {
                stats.tick();
                progress.accept(stats.report(options, startedAt, (System.nanoTime() - start) / 1e9));
                if (System.nanoTime() - endNanos > TimeUnit.SECONDS.toNanos(DRAIN_SECONDS)) {
                    break;
                }
            }
        } finally {
            vus.shutdownNow();
        }
        LoadReport report = stats.report(options, startedAt, (System.nanoTime() - start) / 1e9);
        progress.accept(report);
        return report;
    }
}
