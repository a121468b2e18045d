package dev.switchboard.scenario.run;

import dev.switchboard.scenario.model.Scenario;
import java.util.List;
import java.util.Optional;

/** How a whole scenario went: one result per step, and every frame of the run. */
public record ScenarioResult(Scenario scenario, String source, List<StepResult> steps, long durationMillis,
                             long startedAt, List<RunFrame> frames, String setupError) {

    public ScenarioResult {
        steps = List.copyOf(steps);
        frames = List.copyOf(frames);
    }

    public boolean passed() {
        return setupError == null && steps.stream().allMatch(StepResult::passed);
    }

    public Optional<StepResult> firstFailure() {
        return steps.stream().filter(s -> s.outcome() == StepResult.Outcome.FAILED).findFirst();
    }

    public long count(StepResult.Outcome outcome) {
        return steps.stream().filter(s -> s.outcome() == outcome).count();
    }
}
