package dev.switchboard.console.events;

/** What one view tells the others through the {@link EventBus}: each event is a record of its own type. */
public interface ConsoleEvent {
}
