package dev.switchboard.scenario.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.scenario.match.Mismatch;
import dev.switchboard.scenario.model.ScenarioReader;
import dev.switchboard.scenario.run.RunFrame;
import dev.switchboard.scenario.run.RunListener;
import dev.switchboard.scenario.run.ScenarioResult;
import dev.switchboard.scenario.run.StepResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The command's console output: one line per step as it finishes (PASS / FAIL with its time) and, for
 * a failure, what was expected, what arrived, where they differ, and the frames around it.
 */
public final class TextReport implements RunListener {

    static final int FRAME_PAYLOAD_CHARS = 160;
    static final int VALUE_LINES = 30;

    private final PrintWriter out;

    public TextReport(PrintWriter out) {
        this.out = out;
    }

    public void scenarioStarted(String name, String source) {
        out.println("scenario " + name + " (" + source + ")");
    }

    @Override
    public void stepFinished(StepResult r) {
        out.println(stepLine(r));
        if (r.outcome() == StepResult.Outcome.FAILED) {
            failureDetail(r, r.startedAt()).forEach(out::println);
        }
        out.flush();
    }

    public void scenarioFinished(ScenarioResult result) {
        result.steps().stream().filter(s -> s.outcome() == StepResult.Outcome.SKIPPED)
                .forEach(s -> out.println(stepLine(s)));
        if (result.setupError() != null) {
            out.println("  ERROR " + result.setupError());
        }
        long skipped = result.count(StepResult.Outcome.SKIPPED);
        out.println((result.passed() ? "  passed: " : "  FAILED: ") + result.count(StepResult.Outcome.PASSED) + "/"
                + result.steps().size() + " steps passed" + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + " in " + result.durationMillis() + " ms");
        out.println();
    }

    public static String stepLine(StepResult r) {
        String mark = switch (r.outcome()) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case SKIPPED -> "skip";
        };
        return String.format("  %s %2d %s%s", mark, r.index() + 1, r.step().describe(),
                r.outcome() == StepResult.Outcome.SKIPPED ? "" : " (" + r.durationMillis() + " ms)");
    }

    /** The lines under a failed step; also what JUnit XML puts in the failure's body. */
    public static List<String> failureDetail(StepResult r, long originMillis) {
        List<String> lines = new ArrayList<>();
        lines.add("       " + r.failure().words() + ": " + r.message());
        for (Mismatch m : r.mismatches()) {
            lines.add("         at " + m.path() + ": " + m.why());
        }
        if (r.expected() != null) {
            lines.add("       expected:");
            indent(pretty(r.expected()), lines);
        }
        if (r.received() != null) {
            lines.add("       received:");
            indent(pretty(r.received()), lines);
        }
        if (!r.frames().isEmpty()) {
            lines.add("       frames around it (time from the step's start):");
            for (RunFrame f : r.frames()) {
                lines.add("         " + f.line(originMillis, FRAME_PAYLOAD_CHARS));
            }
        }
        return lines;
    }

    private static void indent(String text, List<String> lines) {
        String[] split = text.split("\n");
        for (int i = 0; i < split.length && i < VALUE_LINES; i++) {
            lines.add("         " + split[i]);
        }
        if (split.length > VALUE_LINES) {
            lines.add("         … (" + (split.length - VALUE_LINES) + " more lines)");
        }
    }

    static String pretty(JsonNode node) {
        try {
            return ScenarioReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }
}
