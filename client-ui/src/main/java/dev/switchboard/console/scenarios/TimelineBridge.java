package dev.switchboard.console.scenarios;

import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.timeline.TimelineModel;
import dev.switchboard.scenario.run.RunFrame;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows a scenario run's frames in the timeline (connection "▶ actor#n"), acks paired with their emits,
 * and remembers which timeline row each frame became, so a failure can jump to its frames.
 */
final class TimelineBridge {

    private final TimelineModel timeline;
    private final Map<RunFrame, Long> seqOf = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, long[]> lastEmit = new ConcurrentHashMap<>();

    TimelineBridge(TimelineModel timeline) {
        this.timeline = timeline;
    }

    /** Any thread (the runner's socket threads). */
    void publish(RunFrame f) {
        long seq = timeline.nextSeq();
        String connection = "▶ " + f.socketLabel();
        String key = f.socketLabel() + " " + f.event();
        long requestSeq = 0;
        long rtt = -1;
        String status = null;
        if (f.kind() == RunFrame.Kind.EMIT) {
            lastEmit.put(key, new long[] {seq, f.atMillis()});
        } else if (f.kind() == RunFrame.Kind.ACK) {
            long[] emit = lastEmit.get(key);
            if (emit != null) {
                requestSeq = emit[0];
                rtt = f.atMillis() - emit[1];
            }
            status = f.payload() == null ? null : f.payload().path("status").asText(null);
        }
        seqOf.put(f, seq);
        timeline.publish(Frame.of(seq, f.atMillis(), connection, "scenario " + f.actor(), kind(f.kind()), f.event(),
                f.payload(), requestSeq, rtt, status));
    }

    List<Long> seqs(List<RunFrame> frames) {
        return frames.stream().map(seqOf::get).filter(java.util.Objects::nonNull).toList();
    }

    private static FrameKind kind(RunFrame.Kind k) {
        return switch (k) {
            case EMIT -> FrameKind.OUT;
            case ACK -> FrameKind.ACK;
            case PUSH -> FrameKind.IN;
            case CONNECT -> FrameKind.CONNECT;
            case CONNECT_ERROR -> FrameKind.CONNECT_ERROR;
            case DISCONNECT -> FrameKind.DISCONNECT;
        };
    }
}
