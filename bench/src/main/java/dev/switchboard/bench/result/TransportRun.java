package dev.switchboard.bench.result;

/**
 * One measured window of the transport workload against one server.
 *
 * @param client                {@code official} (socket.io-client@4 in Node load processes) or {@code netty}
 *                              (the bench's own load client, a second opinion only)
 * @param serverCpuMicrosPerAck server process CPU (user + system, from /proc) over the window divided by acks
 * @param load                  the load processes' own CPU over the window
 * @param disconnects           connections the server closed after accepting them (e.g. a pong later than its timeout)
 */
public record TransportRun(String server, String client, int clients, double windowSeconds, long acks,
                           double acksPerSecond, Latency latency, double serverCpuMicrosPerAck, double serverCpuPercent,
                           long serverRssBytes, LoadCpu load, long errors, int connectFailures, int disconnects) {

    public static final String OFFICIAL = "official";
    public static final String NETTY = "netty";
}
