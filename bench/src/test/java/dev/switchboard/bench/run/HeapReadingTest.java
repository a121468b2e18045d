package dev.switchboard.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapReadingTest {

    @Test
    void readsG1HeapAndLeavesMetaspaceOut() {
        String g1 = """
                4242:
                 garbage-first heap   total 262144K, used 20471K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 1 survivors (1024K)
                 Metaspace       used 12345K, committed 12800K, reserved 1114112K
                  class space    used 1234K, committed 1408K, reserved 1048576K
                """;
        assertThat(HeapReading.usedBytes(g1)).isEqualTo(20471L * 1024);
    }

    @Test
    void sumsTheGenerationsOfTheParallelCollector() {
        String parallel = """
                 PSYoungGen      total 76288K, used 3932K [0x0000000795580000, 0x00000007a0000000)
                  eden space 65536K, 6% used [0x0000000795580000,0x0000000795957028,0x0000000799580000)
                 ParOldGen       total 175104K, used 1000K [0x0000000740000000, 0x000000074ab00000)
                 Metaspace       used 777K, committed 4864K, reserved 1056768K
                """;
        assertThat(HeapReading.usedBytes(parallel)).isEqualTo((3932L + 1000) * 1024);
    }

    @Test
    void readsShenandoahsOneLineInItsUnit() {
        String shenandoah = """
                23526:
                Shenandoah Heap
                 2048M max, 2048M soft max, 869M committed, 178M used
                 2048 x 1024K regions
                Status: not cancelled
                 Metaspace       used 30425K, committed 30848K, reserved 1114112K
                  class space    used 3213K, committed 3392K, reserved 1048576K
                """;
        assertThat(HeapReading.usedBytes(shenandoah)).isEqualTo(178L * 1024 * 1024);
    }

    @Test
    void outputWithoutAHeapLineIsAnError() {
        assertThatThrownBy(() -> HeapReading.usedBytes("4242:\nCommand not found")).isInstanceOf(IllegalArgumentException.class);
    }
}
