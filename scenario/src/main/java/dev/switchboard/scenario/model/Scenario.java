package dev.switchboard.scenario.model;

import java.util.List;
import java.util.Map;

/**
 * One scenario file: who takes part and what happens, in order.
 *
 * @param actors by name, in file order
 */
public record Scenario(String name, Fixture fixture, Map<String, Actor> actors, List<Step> steps) {

    public Scenario {
        actors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actors));
        steps = List.copyOf(steps);
    }

    /** True when some actor takes its user from the database ({@code pick}), as a load run needs. */
    public boolean picksUsers() {
        return actors.values().stream().anyMatch(a -> a.pick() != null);
    }
}
