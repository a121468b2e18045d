package dev.switchboard.scenario.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scripts/scenario}: runs scenario files as regression tests ({@code run}) or as load
 * ({@code load}). Exit status: 0 when everything passed, 1 when something failed, 2 on bad usage.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true, subcommands = {RunCommand.class, LoadCommand.class},
        description = "Runs scenario files (users, their acks and the pushes they get) against a Switchboard server.")
public final class ScenarioCommand implements Runnable {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        // the bundled server logs every refused call; the steps say what matters here
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line; returns the exit status (tests call this). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new ScenarioCommand())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> USAGE)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("scenario: " + e.getMessage());
                    return FAILED;
                })
                .execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: run or load");
    }
}
