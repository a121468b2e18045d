package dev.switchboard.console.fire;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** One fired request and how it went, for the history list. */
public record HistoryEntry(LocalTime at, String connection, SavedRequest request, String status, long rttMillis) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    HistoryEntry answered(String status, long rtt) {
        return new HistoryEntry(at, connection, request, status, rtt);
    }

    @Override
    public String toString() {
        return TIME.format(at) + "  " + connection + "  " + request.event() + "  →  "
                + (status == null ? "…" : status + " · " + rttMillis + " ms");
    }
}
