package dev.switchboard.console.events;

import java.util.List;

/** Asks the Timeline to bring these frames (by seq) into view, selecting the first. */
public record RevealFrames(List<Long> seqs) implements ConsoleEvent {
}
