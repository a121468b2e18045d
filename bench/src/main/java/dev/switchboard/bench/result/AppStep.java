package dev.switchboard.bench.result;

import java.util.List;
import java.util.Map;

/**
 * One offered rate of the application workload: the ack latency over all events and per event, the
 * push delivery latency per pushed event, and whether the step met the p99 target.
 */
public record AppStep(double offeredPerSecond, double windowSeconds, double ackedPerSecond, Latency ack,
                      Map<String, EventFigures> events, Map<String, Latency> pushes, long timeouts, long errors,
                      List<String> errorSamples, double clientCpuPercent, double serverCpuPercent, boolean passed,
                      String verdict) {
}
