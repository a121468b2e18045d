package dev.switchboard.bench.result;

/**
 * The load processes' own CPU over a measured window, in % of one core: all of them together and the
 * busiest one (near 100 % the client, not the server, may be what limits the figure).
 */
public record LoadCpu(int processes, double totalPercent, double busiestPercent) {

    /** Whether the busiest load process was close enough to a full core to cap the load it offered. */
    public boolean saturated() {
        return busiestPercent >= 90;
    }
}
