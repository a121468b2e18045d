package dev.switchboard.bench.result;

import java.util.List;

/**
 * The application workload: connected users, every stepped rate, the highest rate that kept the p99
 * ack latency under the target ({@code best}), and that rate measured once more ({@code confirm}).
 */
public record AppRun(int users, int connected, double connectSeconds, double p99TargetMs, List<AppStep> steps,
                     AppStep best, AppStep confirm) {
}
