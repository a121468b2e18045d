package dev.switchboard.bench.result;

import java.util.List;

/** What the load client saw while opening the idle connections. */
public record ConnectionsRamp(int target, int connected, int failed, double seconds, double connectsPerSecond,
                              List<String> failureSamples) {
}
