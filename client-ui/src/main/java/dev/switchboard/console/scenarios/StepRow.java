package dev.switchboard.console.scenarios;

import dev.switchboard.scenario.model.Step;
import dev.switchboard.scenario.report.TextReport;
import dev.switchboard.scenario.run.StepResult;

/** One line of the live step list: waiting, running, or its result. */
record StepRow(int index, Step step, String state, StepResult result) {

    static StepRow waiting(int index, Step step) {
        return new StepRow(index, step, "…", null);
    }

    StepRow running() {
        return new StepRow(index, step, "▶", null);
    }

    static StepRow of(StepResult r) {
        return new StepRow(r.index(), r.step(), switch (r.outcome()) {
            case PASSED -> "✓";
            case FAILED -> "✕";
            case SKIPPED -> "–";
        }, r);
    }

    boolean failed() {
        return result != null && result.outcome() == StepResult.Outcome.FAILED;
    }

    @Override
    public String toString() {
        return result == null ? state + " " + (index + 1) + "  " + step.describe()
                : TextReport.stepLine(result).trim().replaceFirst("^(PASS|FAIL|skip)", state);
    }
}
