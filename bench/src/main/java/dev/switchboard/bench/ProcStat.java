package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process's {@code /proc/<pid>/stat}: CPU time spent (user + system) and resident
 * memory. Linux reports CPU in clock ticks ({@code getconf CLK_TCK}, 100 on every Linux we run)
 * and RSS in pages (4 KiB).
 */
public record ProcStat(long pid, long userTicks, long systemTicks, int threads, long rssPages) {

    public static final long TICKS_PER_SECOND = 100;
    public static final long PAGE_BYTES = 4096;

    public static ProcStat of(long pid) {
        try {
            return parse(pid, Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/stat (has the process exited?)", e);
        }
    }

    public static ProcStat self() {
        return of(ProcessHandle.current().pid());
    }

    /**
     * The command name (field 2) is in parentheses and may itself hold spaces or parentheses, so
     * fields are counted from the last closing parenthesis: field 3 (state) is the first after it.
     */
    static ProcStat parse(long pid, String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] f = line.substring(close + 2).trim().split(" ");
        if (f.length < 22) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + f.length);
        }
        return new ProcStat(pid, Long.parseLong(f[14 - 3]), Long.parseLong(f[15 - 3]),
                Integer.parseInt(f[20 - 3]), Long.parseLong(f[24 - 3]));
    }

    public long cpuMicros() {
        return (userTicks + systemTicks) * 1_000_000L / TICKS_PER_SECOND;
    }

    public long rssBytes() {
        return rssPages * PAGE_BYTES;
    }

    /** CPU microseconds spent between {@code earlier} and this reading. */
    public long cpuMicrosSince(ProcStat earlier) {
        return cpuMicros() - earlier.cpuMicros();
    }
}
