package dev.switchboard.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.bench.result.GcPauses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

    @Test
    void countsOnlyTheStopTheWorldPausesThatEndedInTheWindow() {
        List<String> log = List.of(
                "[1000ms] Using G1",
                "[1500ms] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(64M) 7.000ms",
                "[2000ms] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 30M->9M(64M) 12.500ms",
                "[2400ms] GC(2) Pause Young (Concurrent Start) (G1 Evacuation Pause) 40M->20M(64M) 4.000ms",
                "[2600ms] GC(3) Concurrent Mark Cycle 80.000ms",
                "[2700ms] GC(3) Pause Remark 30M->30M(64M) 1.500ms",
                "[2800ms] GC(3) Pause Cleanup 30M->30M(64M) 0.250ms",
                "[3000ms] GC(4) Pause Full (System.gc()) 50M->10M(64M) 40.000ms",
                "[3001ms] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 30M->9M(64M) 99.000ms");

        GcPauses pauses = GcLog.summarise(log, 2000, 3000);

        assertThat(pauses.count()).as("five pauses end in the window (2000 to 3000 ms, both included); the concurrent cycle is no pause").isEqualTo(5);
        assertThat(pauses.maxMs()).isEqualTo(40.0);
        assertThat(pauses.p50Ms()).isEqualTo(4.0);
        assertThat(pauses.totalMs()).isEqualTo(58.25);
        assertThat(pauses.percentOfWindow()).isEqualTo(5.83);
    }

    @Test
    void aWindowWithoutPausesIsZeroNotMissing() {
        GcPauses pauses = GcLog.summarise(List.of("[1500ms] GC(0) Pause Young (Normal) 24M->3M(64M) 7.000ms"), 2000,
                3000);
        assertThat(pauses).isEqualTo(new GcPauses(0, 0, 0, 0, 0));
    }

    @Test
    void readsTheLogARealJvmWritesWithTheOptionGiven(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("Allocate.java");
        Files.writeString(program, """
                public class Allocate {
                    public static void main(String[] args) {
                        java.util.List<byte[]> kept = new java.util.ArrayList<>();
                        for (int i = 0; i < 300_000; i++) {
                            kept.add(new byte[1000]);
                            if (kept.size() > 10_000) {
                                kept.clear();
                            }
                        }
                        System.gc();
                    }
                }
                """);
        Path log = GcLog.besides(dir.resolve("app-server-memory.log"));
        assertThat(log.getFileName().toString()).isEqualTo("app-server-memory-gc.log");
        String option = GcLog.jvmOption(log);
        assertThat(option).isNotNull();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseG1GC", "-Xmx64m", option, program.toString()));
        long before = System.currentTimeMillis();
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(new String(java.getInputStream().readAllBytes())).isZero();
        long after = System.currentTimeMillis();

        GcPauses pauses = GcLog.within(log, before, after);

        assertThat(pauses.count()).as("300 MB allocated in a 64 MB heap, then System.gc()").isGreaterThan(1);
        assertThat(pauses.maxMs()).isPositive();
        assertThat(GcLog.within(log, after + 1, after + 1000).count()).isZero();
        assertThat(GcLog.within(dir.resolve("none.log"), before, after)).isNull();
    }

    @Test
    void aPathTheLauncherWouldSplitGetsNoOption() {
        assertThat(GcLog.jvmOption(Path.of("/tmp/bench logs/app-gc.log"))).isNull();
        assertThat(GcLog.jvmOption(Path.of("/tmp/a:b/app-gc.log"))).isNull();
    }
}
