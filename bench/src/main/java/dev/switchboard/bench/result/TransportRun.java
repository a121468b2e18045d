package dev.switchboard.bench.result;

/**
 * One measured window of the transport workload against one server.
 *
 * @param serverCpuMicrosPerAck server process CPU (user + system, from /proc) over the window divided by acks
 * @param clientCpuPercent      the load client's own CPU over the window, in % of one core (100 = one core busy)
 * @param disconnects           connections the server closed after accepting them (e.g. a pong later than its timeout)
 */
public record TransportRun(String server, int clients, double windowSeconds, long acks, double acksPerSecond,
                           Latency latency, double serverCpuMicrosPerAck, double serverCpuPercent, long serverRssBytes,
                           double clientCpuPercent, long errors, int connectFailures, int disconnects) {
}
