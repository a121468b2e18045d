package dev.switchboard.bench.result;

import java.util.List;

/**
 * What the load processes saw while opening the idle connections: how many, how fast, the latency of
 * each from its handshake to being connected, and their own CPU over the ramp (near a full core the
 * connect rate was bound by the client).
 */
public record ConnectionsRamp(int target, int connected, int failed, double seconds, double connectsPerSecond,
                              Latency connectLatency, LoadCpu load, List<String> failureSamples) {
}
