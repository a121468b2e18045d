package dev.switchboard.console.timeline;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The timeline's filters; empty fields let everything through.
 *
 * @param event        a part of the event name
 * @param connectionId one connection, or null for all
 * @param directions   the directions shown; null for all
 * @param text         free text searched in event, connection and payload
 */
public record TimelineFilter(String event, String connectionId, Set<FlowDirection> directions, String text)
        implements Predicate<Frame> {

    public TimelineFilter {
        event = event == null ? "" : event.trim().toLowerCase(Locale.ROOT);
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        EnumSet<FlowDirection> dirs = EnumSet.noneOf(FlowDirection.class);
        dirs.addAll(directions == null ? EnumSet.allOf(FlowDirection.class) : directions);
        directions = dirs;
    }

    public static TimelineFilter all() {
        return new TimelineFilter("", null, null, "");
    }

    @Override
    public boolean test(Frame f) {
        return directions.contains(f.kind().direction())
                && (connectionId == null || connectionId.equals(f.connectionId()))
                && (event.isEmpty() || f.event().toLowerCase(Locale.ROOT).contains(event))
                && (text.isEmpty() || f.searchText().contains(text));
    }
}
