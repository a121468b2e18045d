package dev.switchboard.console.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.core.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Every frame of every connection. Socket threads {@link #publish} into a queue; the FX thread moves
 * them into the table in batches ({@link #drain}, called once per animation pulse) so that thousands of
 * frames a second cost one list change per pulse, not one per frame.
 */
public final class TimelineModel {

    /** The oldest rows are dropped beyond this many, so a long session cannot exhaust memory. */
    public static final int CAPACITY = 100_000;

    private final ConcurrentLinkedQueue<Frame> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong seq = new AtomicLong();
    private final ObservableList<Frame> rows = FXCollections.observableArrayList();
    private final FilteredList<Frame> visible = new FilteredList<>(rows);
    private final Map<Long, Frame> emitsBySeq = new HashMap<>();
    private volatile boolean paused;
    private TimelineFilter filter = TimelineFilter.all();

    public long nextSeq() {
        return seq.incrementAndGet();
    }

    /** Any thread. */
    public void publish(Frame frame) {
        inbox.add(frame);
        queued.incrementAndGet();
    }

    /** Convenience for publishers: builds the frame with the next seq and now as its time. */
    public Frame publish(String connectionId, String label, FrameKind kind, String event, JsonNode payload) {
        Frame f = Frame.of(nextSeq(), System.currentTimeMillis(), connectionId, label, kind, event, payload, 0, -1, null);
        publish(f);
        return f;
    }

    /**
     * FX thread: moves up to {@code max} queued frames into the rows, unless paused.
     *
     * @return how many were moved
     */
    public int drain(int max) {
        if (paused || inbox.isEmpty()) {
            return 0;
        }
        List<Frame> batch = new ArrayList<>(Math.min(max, queued.get()));
        Frame f;
        while (batch.size() < max && (f = inbox.poll()) != null) {
            queued.decrementAndGet();
            batch.add(f);
            if (f.kind() == FrameKind.OUT) {
                emitsBySeq.put(f.seq(), f);
            }
        }
        int overflow = rows.size() + batch.size() - CAPACITY;
        if (overflow > 0) {
            List<Frame> dropped = rows.subList(0, Math.min(overflow, rows.size()));
            dropped.forEach(d -> emitsBySeq.remove(d.seq()));
            dropped.clear();
        }
        rows.addAll(batch);
        return batch.size();
    }

    /** Frames received but not yet shown (while paused, or between pulses). */
    public int pending() {
        return queued.get();
    }

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    /** Every row kept, whatever the filter. */
    public ObservableList<Frame> rows() {
        return rows;
    }

    /** The rows that pass the filter; the table shows these. */
    public FilteredList<Frame> visible() {
        return visible;
    }

    public TimelineFilter filter() {
        return filter;
    }

    public void setFilter(TimelineFilter filter) {
        this.filter = filter;
        visible.setPredicate(filter);
    }

    /** The emit an ack answers, while it is still kept. */
    public Frame requestOf(Frame ack) {
        return ack.isAck() ? emitsBySeq.get(ack.requestSeq()) : null;
    }

    /** Drops every shown row and everything queued. */
    public void clear() {
        inbox.clear();
        queued.set(0);
        rows.clear();
        emitsBySeq.clear();
    }

    /** Writes frames as JSON lines, one object per frame. */
    public static void exportJsonLines(List<Frame> frames, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Frame f : frames) {
                out.write(Json.compact(toJson(f)));
                out.write('\n');
            }
        }
    }

    public static ObjectNode toJson(Frame f) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("seq", f.seq());
        o.put("at", Instant.ofEpochMilli(f.atMillis()).toString());
        o.put("connection", f.connectionId());
        o.put("user", f.connectionLabel());
        o.put("kind", f.kind().name().toLowerCase());
        o.put("event", f.event());
        o.set("payload", f.payload() == null ? Json.NODES.nullNode() : f.payload());
        if (f.isAck()) {
            o.put("request", f.requestSeq());
            o.put("rtt_ms", f.rttMillis());
            o.put("status", f.status());
        }
        return o;
    }
}
