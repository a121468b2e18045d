package dev.switchboard.scenario.model;

import java.util.List;

/** A scenario file that cannot run, with every problem found, each naming where it is. */
public final class ScenarioFormatException extends Exception {

    private final List<String> problems;

    public ScenarioFormatException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
