package dev.switchboard.scenario.report;

import dev.switchboard.scenario.run.ScenarioResult;
import dev.switchboard.scenario.run.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML, the format CI systems show: one test suite per scenario, one test case per step (a
 * failure with its detail, skipped steps marked skipped).
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(List<ScenarioResult> results, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toXml(results), StandardCharsets.UTF_8);
    }

    public static String toXml(List<ScenarioResult> results) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = results.stream().mapToLong(r -> Math.max(1, r.steps().size())).sum();
        long failures = results.stream().mapToLong(r -> r.count(StepResult.Outcome.FAILED)
                + (r.setupError() != null ? 1 : 0)).sum();
        xml.append("<testsuites name=\"scenarios\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" time=\"").append(seconds(results.stream().mapToLong(ScenarioResult::durationMillis).sum()))
                .append("\">\n");
        for (ScenarioResult r : results) {
            suite(r, xml);
        }
        return xml.append("</testsuites>\n").toString();
    }

    private static void suite(ScenarioResult r, StringBuilder xml) {
        String name = r.scenario() == null ? r.source() : r.scenario().name();
        long failures = r.count(StepResult.Outcome.FAILED) + (r.setupError() != null ? 1 : 0);
        xml.append("  <testsuite name=\"").append(escape(name)).append("\" tests=\"")
                .append(Math.max(1, r.steps().size())).append("\" failures=\"").append(failures)
                .append("\" skipped=\"").append(r.count(StepResult.Outcome.SKIPPED)).append("\" time=\"")
                .append(seconds(r.durationMillis())).append("\" timestamp=\"")
                .append(Instant.ofEpochMilli(r.startedAt())).append("\" file=\"").append(escape(r.source()))
                .append("\">\n");
        if (r.setupError() != null) {
            xml.append("    <testcase classname=\"").append(escape(name)).append("\" name=\"setup\" time=\"0\">\n")
                    .append("      <error message=\"").append(escape(r.setupError())).append("\"/>\n")
                    .append("    </testcase>\n");
        }
        for (StepResult s : r.steps()) {
            xml.append("    <testcase classname=\"").append(escape(name)).append("\" name=\"")
                    .append(escape(String.format(Locale.ROOT, "%02d %s", s.index() + 1, s.step().describe())))
                    .append("\" time=\"").append(seconds(s.durationMillis())).append("\"");
            if (s.outcome() == StepResult.Outcome.PASSED) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            if (s.outcome() == StepResult.Outcome.SKIPPED) {
                xml.append("      <skipped message=\"").append(escape(s.message())).append("\"/>\n");
            } else {
                xml.append("      <failure type=\"").append(s.failure().name()).append("\" message=\"")
                        .append(escape(s.failure().words() + ": " + s.message())).append("\">")
                        .append(escape(String.join("\n", TextReport.failureDetail(s, s.startedAt()))))
                        .append("</failure>\n");
            }
            xml.append("    </testcase>\n");
        }
        xml.append("  </testsuite>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML-escapes text, dropping characters XML 1.0 cannot hold at all. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    } else {
                        out.append("\\u").append(String.format("%04x", c));
                    }
                }
            }
        });
        return out.toString();
    }
}
