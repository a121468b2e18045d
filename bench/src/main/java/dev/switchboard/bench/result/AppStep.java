package dev.switchboard.bench.result;

import java.util.Map;

/**
 * One offered rate of the application mix: what was completed (answered within the ack timeout) and
 * how (reply statuses over all events), the ack latency over all events and per event, the push
 * delivery latency per pushed event, and whether the step met the p99 target.
 *
 * @param notSent requests due that the load could not send (socket down or too many outstanding)
 */
public record AppStep(double offeredPerSecond, double windowSeconds, double completedPerSecond, double okPerSecond,
                      Latency ack, Map<String, Long> statuses, long timeouts, long notSent,
                      Map<String, EventFigures> events, Map<String, Latency> pushes, LoadCpu load,
                      double serverCpuPercent, boolean passed, String verdict) {

    public long answered() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }
}
