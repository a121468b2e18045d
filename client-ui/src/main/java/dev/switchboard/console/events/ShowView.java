package dev.switchboard.console.events;

import dev.switchboard.console.ConsoleView;

/** Brings the view of that class to front (e.g. Connections after "Connect with this token"). */
public record ShowView(Class<? extends ConsoleView> view) implements ConsoleEvent {
}
