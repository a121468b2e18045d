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
 * @param directions   the directions shown
 * @param text         free text searched in event, connection and payload
 */
public record TimelineFilter(String event, String connectionId, Set<FlowDirection> directions, String text)
        implements Predicate<Frame> {

    public TimelineFilter {
        event = event == null ? "" : event.trim().toLowerCase(Locale.ROOT);
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        directions = directions == null || directions.isEmpty()
                ? EnumSet.allOf(FlowDirection.class) : EnumSet.copyOf(directions);
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
