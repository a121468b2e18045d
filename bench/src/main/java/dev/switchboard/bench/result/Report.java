package dev.switchboard.bench.result;

import dev.switchboard.bench.run.Machine;
import java.util.List;

/** Everything one run of scripts/bench measured, as written to bench/results/. */
public record Report(String startedAt, String mode, Machine machine, Settings settings, Transport transport,
                     List<ConnectionsRun> connections, AppRun app, List<String> notes, double loadAverageAtEnd) {

    /** What was asked for, so a result file says how it was made. */
    public record Settings(int transportClients, int transportRepetitions, double warmupSeconds, double windowSeconds,
                           int connections, int appUsers, int appDensity, double appWindowSeconds,
                           double p99TargetMs, String oursTransportCommand, String oursAppCommand,
                           String nodeCommand) {
    }

    public record Transport(List<TransportRun> runs, List<TransportSummary> medians) {
    }
}
