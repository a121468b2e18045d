package dev.switchboard.console.events;

import dev.switchboard.console.timeline.Frame;

/** Asks the Server view to explain who received this server push and why the others did not. */
public record ExplainDelivery(Frame push) implements ConsoleEvent {
}
