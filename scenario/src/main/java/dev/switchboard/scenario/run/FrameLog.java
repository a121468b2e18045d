package dev.switchboard.scenario.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every frame of one run, in arrival order; safe to add to from socket threads. */
public final class FrameLog {

    private final List<RunFrame> frames = new ArrayList<>();
    private final Consumer<RunFrame> onFrame;

    public FrameLog(Consumer<RunFrame> onFrame) {
        this.onFrame = onFrame;
    }

    void add(RunFrame frame) {
        synchronized (frames) {
            frames.add(frame);
        }
        onFrame.accept(frame);
    }

    public List<RunFrame> all() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The frames up to a moment (at most {@code before} of them), then those within {@code afterMillis} of it. */
    public List<RunFrame> around(long atMillis, int before, long afterMillis) {
        List<RunFrame> all = all();
        int end = 0;
        while (end < all.size() && all.get(end).atMillis() <= atMillis) {
            end++;
        }
        List<RunFrame> out = new ArrayList<>(all.subList(Math.max(0, end - before), end));
        for (int i = end; i < all.size() && all.get(i).atMillis() <= atMillis + afterMillis; i++) {
            out.add(all.get(i));
        }
        return out;
    }
}
