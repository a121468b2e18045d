package dev.switchboard.scenario.run;

/** Live progress of a run (the console's step list, the command's printed lines). Called on the run's thread. */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    default void stepStarted(int index, dev.switchboard.scenario.model.Step step) {
    }

    default void stepFinished(StepResult result) {
    }
}
