package dev.switchboard.scenario.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.scenario.match.Mismatch;
import dev.switchboard.scenario.model.Step;
import java.util.List;

/**
 * How one step went.
 *
 * @param index      0-based position in the scenario
 * @param expected   the expectation after substitution, when the step compared values
 * @param received   what arrived instead, when something did
 * @param frames     on failure, the frames around it
 * @param startedAt  epoch milliseconds
 */
public record StepResult(int index, Step step, Outcome outcome, long durationMillis, FailureKind failure,
                         String message, List<Mismatch> mismatches, JsonNode expected, JsonNode received,
                         List<RunFrame> frames, long startedAt) {

    public enum Outcome {
        PASSED, FAILED, SKIPPED
    }

    public StepResult {
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        frames = frames == null ? List.of() : List.copyOf(frames);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    static StepResult skipped(int index, Step step) {
        return new StepResult(index, step, Outcome.SKIPPED, 0, null, "not run: an earlier step failed", List.of(),
                null, null, List.of(), 0);
    }
}
