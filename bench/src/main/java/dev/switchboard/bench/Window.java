package dev.switchboard.bench;

/**
 * CPU and memory readings of the load client and (when its pid is known) the server under test at
 * the start and the end of a measured window.
 */
public final class Window {

    private final long serverPid;
    private long startNanos;
    private long endNanos;
    private ProcStat clientStart;
    private ProcStat clientEnd;
    private ProcStat serverStart;
    private ProcStat serverEnd;

    public Window(long serverPid) {
        this.serverPid = serverPid;
    }

    public void start() {
        clientStart = ProcStat.self();
        serverStart = serverPid > 0 ? ProcStat.of(serverPid) : null;
        startNanos = System.nanoTime();
    }

    public void end() {
        endNanos = System.nanoTime();
        clientEnd = ProcStat.self();
        serverEnd = serverPid > 0 ? ProcStat.of(serverPid) : null;
    }

    public long startNanos() {
        return startNanos;
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    /** CPU of the load client over the window in % of one core. */
    public double clientCpuPercent() {
        return clientEnd.cpuMicrosSince(clientStart) / (seconds() * 1e4);
    }

    public double serverCpuPercent() {
        return serverEnd == null ? 0 : serverEnd.cpuMicrosSince(serverStart) / (seconds() * 1e4);
    }

    public long serverCpuMicros() {
        return serverEnd == null ? 0 : serverEnd.cpuMicrosSince(serverStart);
    }

    public long serverRssBytes() {
        return serverEnd == null ? 0 : serverEnd.rssBytes();
    }
}
