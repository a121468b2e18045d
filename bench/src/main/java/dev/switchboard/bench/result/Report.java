package dev.switchboard.bench.result;

import dev.switchboard.bench.run.Machine;
import java.util.List;

/** Everything one run of scripts/bench measured, as written to bench/results/. */
public record Report(String startedAt, String mode, Machine machine, Settings settings, Transport transport,
                     List<ConnectionsRun> connections, List<AppRun> app, SeedTiming seed, List<String> notes,
                     double loadAverageAtEnd, double durationSeconds) {

    /** What was asked for, so a result file says how it was made. */
    public record Settings(int transportClients, int transportPairs, double warmupSeconds, double windowSeconds,
                           int loadProcesses, int connections, int appUsers, int appConnectInFlight,
                           double appWindowSeconds, double ackTimeoutSeconds, double p99TargetMs, String client,
                           String oursTransportCommand, String oursAppCommand, String nodeCommand) {
    }

    public record Transport(List<TransportRun> runs, List<TransportSummary> medians) {
    }
}
