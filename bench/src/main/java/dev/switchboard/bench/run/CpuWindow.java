package dev.switchboard.bench.run;

import dev.switchboard.bench.ProcStat;
import dev.switchboard.bench.result.LoadCpu;
import java.util.List;

/** CPU of the server under test and of the load processes over one measured window, from /proc. */
public final class CpuWindow {

    private final long serverPid;
    private final NodeLoad load;
    private final long startNanos;
    private final ProcStat serverStart;
    private final List<ProcStat> loadStart;
    private long endNanos;
    private ProcStat serverEnd;
    private List<ProcStat> loadEnd;

    private CpuWindow(long serverPid, NodeLoad load) {
        this.serverPid = serverPid;
        this.load = load;
        this.serverStart = ProcStat.of(serverPid);
        this.loadStart = load.cpu();
        this.startNanos = System.nanoTime();
    }

    public static CpuWindow start(long serverPid, NodeLoad load) {
        return new CpuWindow(serverPid, load);
    }

    public CpuWindow end() {
        endNanos = System.nanoTime();
        serverEnd = ProcStat.of(serverPid);
        loadEnd = load.cpu();
        return this;
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    public long serverCpuMicros() {
        return serverEnd.cpuMicrosSince(serverStart);
    }

    /** In % of one core. */
    public double serverCpuPercent() {
        return Math.round(serverCpuMicros() / (seconds() * 1e4) * 10) / 10.0;
    }

    public long serverRssBytes() {
        return serverEnd.rssBytes();
    }

    public LoadCpu load() {
        return NodeLoad.cpuPercent(loadStart, loadEnd, seconds());
    }

    /** Sleeps until the wall clock reads {@code epochMillis} (the load workers' clock). */
    public static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
