package dev.switchboard.scenario.cli;

import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.ScenarioFormatException;
import dev.switchboard.scenario.model.ScenarioReader;
import dev.switchboard.scenario.report.JUnitReport;
import dev.switchboard.scenario.report.TextReport;
import dev.switchboard.scenario.run.ScenarioResult;
import dev.switchboard.scenario.run.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scenario run FILE...}: each file once, step by step, with a readable diff on failure. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs each scenario file once and prints every step; exit status 0 only when all passed.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "scenario files (.json, .yaml or .yml)")
    List<Path> files;

    @Option(names = "--junit", paramLabel = "report.xml", description = "also write JUnit XML there")
    Path junit;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TextReport report = new TextReport(out);
        List<ScenarioResult> results = new ArrayList<>();
        try (ServerSetup setup = ServerSetup.open(server)) {
            out.println(setup.description());
            out.println();
            ScenarioRunner runner = new ScenarioRunner(setup.target(), report);
            for (Path file : files) {
                Scenario scenario;
                try {
                    scenario = ScenarioReader.read(file);
                } catch (ScenarioFormatException e) {
                    out.println("scenario " + file);
                    e.problems().forEach(p -> out.println("  ERROR " + p));
                    out.println();
                    results.add(new ScenarioResult(null, file.toString(), List.of(), 0, System.currentTimeMillis(),
                            List.of(), "not a valid scenario: " + String.join("; ", e.problems())));
                    continue;
                } catch (IOException e) {
                    out.println("scenario " + file + "\n  ERROR cannot read it: " + e + "\n");
                    results.add(new ScenarioResult(null, file.toString(), List.of(), 0, System.currentTimeMillis(),
                            List.of(), "cannot read it: " + e));
                    continue;
                }
                report.scenarioStarted(scenario.name(), file.toString());
                ScenarioResult result = runner.run(scenario, file.toString());
                report.scenarioFinished(result);
                results.add(result);
            }
        }
        long passed = results.stream().filter(ScenarioResult::passed).count();
        out.println(passed + " of " + results.size() + " scenario(s) passed"
                + (passed == results.size() ? "" : "; failed: " + String.join(", ", results.stream()
                .filter(r -> !r.passed()).map(ScenarioResult::source).toList())));
        if (junit != null) {
            JUnitReport.write(results, junit);
            out.println("JUnit XML: " + junit);
        }
        out.flush();
        return passed == results.size() ? ScenarioCommand.PASSED : ScenarioCommand.FAILED;
    }
}
