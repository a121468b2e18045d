package dev.switchboard.bench.result;

import java.util.List;

/**
 * What the load client saw while opening the idle connections; its own CPU over the ramp (in % of one
 * core) shows whether the connect rate was bound by the client.
 */
public record ConnectionsRamp(int target, int connected, int failed, double seconds, double connectsPerSecond,
                              double clientCpuPercent, List<String> failureSamples) {
}
