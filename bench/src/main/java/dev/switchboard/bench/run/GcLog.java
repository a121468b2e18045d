package dev.switchboard.bench.run;

import dev.switchboard.bench.result.GcPauses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The garbage collector's log of a JVM server under test ({@code -Xlog:gc} with wall-clock milliseconds), read
 * back as the pauses inside one window. Only stop-the-world pauses count; concurrent phases (G1's marking) do not
 * stop the server.
 */
public final class GcLog {

    /** {@code [1764570123456ms] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(200M) 12.345ms}. */
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+)ms\\].*\\bPause (?:Young|Remark|Cleanup|Full)\\b.*\\s(\\d+(?:\\.\\d+)?)ms\\s*$");

    private GcLog() {
    }

    /** Where the GC log of a server whose output goes to {@code serverLog} is written. */
    public static Path besides(Path serverLog) {
        String name = serverLog.getFileName().toString();
        String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        return serverLog.resolveSibling(base + "-gc.log");
    }

    /**
     * The JVM option that writes the GC log to {@code file}; null when the path cannot be given on a launcher's
     * command line split at spaces (or holds the option's own separators), and the server then runs without one.
     */
    public static String jvmOption(Path file) {
        String path = file.toAbsolutePath().toString();
        if (path.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':' || c == ',' || c == '=')) {
            return null;
        }
        return "-Xlog:gc:file=" + path + ":timemillis";
    }

    /** The pauses that ended in {@code [startMillis, endMillis]} (epoch ms); null when there is no log to read. */
    public static GcPauses within(Path file, long startMillis, long endMillis) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return summarise(lines.toList(), startMillis, endMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GC log " + file, e);
        }
    }

    static GcPauses summarise(List<String> lines, long startMillis, long endMillis) {
        List<Double> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.matches()) {
                long at = Long.parseLong(m.group(1));
                if (at >= startMillis && at <= endMillis) {
                    pauses.add(Double.parseDouble(m.group(2)));
                }
            }
        }
        Collections.sort(pauses);
        double total = pauses.stream().mapToDouble(Double::doubleValue).sum();
        double windowMs = Math.max(1, endMillis - startMillis);
        return new GcPauses(pauses.size(), pauses.isEmpty() ? 0 : round(pauses.get((pauses.size() - 1) / 2)),
                pauses.isEmpty() ? 0 : round(pauses.get(pauses.size() - 1)), round(total),
                round(100 * total / windowMs));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
