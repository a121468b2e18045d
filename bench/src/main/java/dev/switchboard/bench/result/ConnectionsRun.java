package dev.switchboard.bench.result;

/**
 * Idle connections held open against one server, with its memory measured (after a full GC) before
 * the first connection and once all were open; per connection = the growth over the connections held.
 */
public record ConnectionsRun(String server, boolean authenticated, ConnectionsRamp ramp, long rssBeforeBytes,
                             long rssAfterBytes, long heapBeforeBytes, long heapAfterBytes, double rssPerConnectionKb,
                             double heapPerConnectionKb) {

    public static ConnectionsRun of(String server, boolean authenticated, ConnectionsRamp ramp, long rssBefore,
                                    long rssAfter, long heapBefore, long heapAfter) {
        return new ConnectionsRun(server, authenticated, ramp, rssBefore, rssAfter, heapBefore, heapAfter,
                perConnectionKb(rssAfter - rssBefore, ramp.connected()),
                perConnectionKb(heapAfter - heapBefore, ramp.connected()));
    }

    static double perConnectionKb(long bytes, int connections) {
        return connections == 0 ? 0 : Math.round(bytes / 1024.0 / connections * 100) / 100.0;
    }
}
