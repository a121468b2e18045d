package dev.switchboard.bench.result;

import java.util.Map;
import java.util.Optional;

/**
 * One offered rate of the application mix: what was completed (answered within the ack timeout) and
 * how (reply statuses over all events), the ack latency over all events and per event, the push
 * delivery latency per pushed event, and whether the step met the p99 target.
 *
 * @param ackByStatus the ack latency of the replies of each status ({@code ok}, {@code unavailable}, …); null in results
 *                    written before it was measured
 * @param notSent requests due that the load could not send (socket down or too many outstanding)
 * @param clientStallMs the longest stall of a load process's own event loop in the step (its GC, or no CPU for it):
 *                      every ack that arrives meanwhile is measured that much later, so a p99 near it is the client's
 * @param gcPauses the server's garbage-collection pauses in the window; null when the server wrote no GC log
 */
public record AppStep(double offeredPerSecond, double windowSeconds, double completedPerSecond, double okPerSecond,
                      Latency ack, Map<String, Latency> ackByStatus, Map<String, Long> statuses, long timeouts, long notSent,
                      Map<String, EventFigures> events, Map<String, Latency> pushes, LoadCpu load,
                      double clientStallMs, double serverCpuPercent, GcPauses gcPauses, boolean passed,
                      String verdict) {

    /** The ack latency of the replies with that status, when any came and it was measured. */
    public Optional<Latency> ackOf(String status) {
        return ackByStatus == null ? Optional.empty() : Optional.ofNullable(ackByStatus.get(status));
    }

    public long answered() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }
}
