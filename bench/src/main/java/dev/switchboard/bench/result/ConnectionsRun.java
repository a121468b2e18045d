package dev.switchboard.bench.result;

/**
 * Idle connections held open against one server, with its memory measured (after a full GC) before
 * the first connection and once all were open.
 */
public record ConnectionsRun(String server, boolean authenticated, ConnectionsRamp ramp, long rssBeforeBytes,
                             long rssAfterBytes, long heapBeforeBytes, long heapAfterBytes) {

    public double rssPerConnectionKb() {
        return perConnectionKb(rssAfterBytes - rssBeforeBytes);
    }

    public double heapPerConnectionKb() {
        return perConnectionKb(heapAfterBytes - heapBeforeBytes);
    }

    private double perConnectionKb(long bytes) {
        return ramp.connected() == 0 ? 0 : Math.round(bytes / 1024.0 / ramp.connected() * 100) / 100.0;
    }
}
