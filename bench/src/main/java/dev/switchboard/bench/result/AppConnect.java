package dev.switchboard.bench.result;

import java.util.List;

/**
 * The application's connect rate: users connecting with at most {@code inFlight} pending at once,
 * each counted from its handshake to the arrival of the fourth connect push.
 *
 * @param readyTimeouts connections whose four connect pushes did not all arrive in time
 */
public record AppConnect(int target, int connected, int failed, int inFlight, double seconds,
                         double connectsPerSecond, Latency toFourthPush, int readyTimeouts, double serverCpuPercent,
                         double serverCpuMillisPerConnect, LoadCpu load, List<String> failureSamples) {
}
