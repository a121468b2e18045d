package dev.switchboard.scenario.load;

import java.util.List;
import java.util.Map;

/**
 * What a load run measured; written as JSON next to its chart.
 *
 * @param vusDropped arrivals that found every virtual user busy
 * @param events     emits answered by an ack
 * @param failures   failed virtual users by the kind of their first failure
 */
public record LoadReport(String scenario, int vus, double arrivalPerSecond, double durationSeconds,
                         String startedAt, long vusStarted, long vusPassed, long vusFailed, long vusDropped,
                         long events, double eventsPerSecond, long pushes, List<StepLatency> steps,
                         Map<String, Long> failures, List<Second> seconds) {

    /** Latency of one step of the scenario across every virtual user, in milliseconds. */
    public record StepLatency(int step, String description, long count, long failed, long p50, long p95, long p99,
                              long max) {
    }

    /** One second of the run, for the chart and the console's live view. */
    public record Second(int second, int activeVus, long vusFinished, long events, long p50, long p95, long p99) {
    }

    public boolean passed() {
        return vusFailed == 0 && vusStarted > 0;
    }
}
