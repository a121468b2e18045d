package dev.switchboard.scenario.load;

import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.Step;
import dev.switchboard.scenario.run.ScenarioResult;
import dev.switchboard.scenario.run.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects a load run's figures from many threads; everything is guarded by this object's lock. */
final class LoadStats {

    private final Scenario scenario;
    private final long startNanos;
    private final List<LongList> stepLatencies = new ArrayList<>();
    private final long[] stepFailures;
    private final Map<String, Long> failures = new TreeMap<>();
    private final Map<Integer, SecondBucket> seconds = new TreeMap<>();
    private long started;
    private long passed;
    private long failed;
    private long dropped;
    private long events;
    private long pushes;
    private int active;

    LoadStats(Scenario scenario, long startNanos) {
        this.scenario = scenario;
        this.startNanos = startNanos;
        scenario.steps().forEach(s -> stepLatencies.add(new LongList()));
        this.stepFailures = new long[scenario.steps().size()];
    }

    private SecondBucket bucket() {
        int second = (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
        SecondBucket b = seconds.computeIfAbsent(second, s -> new SecondBucket());
        b.maxActive = Math.max(b.maxActive, active);
        return b;
    }

    /** Marks the current second, so quiet seconds still show how many users were running. */
    synchronized void tick() {
        bucket();
    }

    synchronized void vuStarted() {
        started++;
        active++;
        bucket();
    }

    synchronized void dropped() {
        dropped++;
    }

    synchronized void push() {
        pushes++;
    }

    synchronized void step(StepResult r) {
        if (r.outcome() == StepResult.Outcome.SKIPPED) {
            return;
        }
        stepLatencies.get(r.index()).add(r.durationMillis());
        SecondBucket b = bucket();
        if (r.step() instanceof Step.Emit && r.passed()) {
            events++;
            b.events++;
        }
        if (!(r.step() instanceof Step.Wait || r.step() instanceof Step.ExpectNoPush)) {
            b.latencies.add(r.durationMillis());
        }
        if (!r.passed()) {
            stepFailures[r.index()]++;
        }
    }

    synchronized void vuFinished(ScenarioResult result) {
        active--;
        bucket().finished++;
        if (result.passed()) {
            passed++;
        } else {
            failed++;
            String kind = result.setupError() != null ? "setup: " + result.setupError()
                    : result.firstFailure().map(s -> s.failure().words()).orElse("unknown");
            failures.merge(kind, 1L, Long::sum);
        }
    }

    synchronized int active() {
        return active;
    }

    synchronized LoadReport report(LoadOptions options, String startedAt, double elapsedSeconds) {
        List<LoadReport.StepLatency> steps = new ArrayList<>();
        for (int i = 0; i < stepLatencies.size(); i++) {
            long[] sorted = Percentiles.sorted(stepLatencies.get(i).toArray());
            steps.add(new LoadReport.StepLatency(i + 1, scenario.steps().get(i).describe(), sorted.length,
                    stepFailures[i], Percentiles.of(sorted, 50), Percentiles.of(sorted, 95),
                    Percentiles.of(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        }
        List<LoadReport.Second> perSecond = new ArrayList<>();
        seconds.forEach((s, b) -> {
            long[] sorted = Percentiles.sorted(b.latencies.toArray());
            perSecond.add(new LoadReport.Second(s, b.maxActive, b.finished, b.events, Percentiles.of(sorted, 50),
                    Percentiles.of(sorted, 95), Percentiles.of(sorted, 99)));
        });
        return new LoadReport(scenario.name(), options.vus(), options.arrivalPerSecond(), elapsedSeconds, startedAt,
                started, passed, failed, dropped, events, elapsedSeconds > 0 ? events / elapsedSeconds : 0, pushes,
                steps, new LinkedHashMap<>(failures), perSecond);
    }

    /** What happened within one second of the run. */
    private static final class SecondBucket {
        final LongList latencies = new LongList();
        int maxActive;
        long finished;
        long events;
    }

    /** A growable list of longs (no boxing for many thousands of latencies). */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
