package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsCpuTicksThreadsAndRssEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String line = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 53011 0 3 0 1234 567 0 0 20 0 37 0 "
                + "1702 9019281408 25600 18446744073709551615 1 1 0 0 0 0 4 0 16800975 0 0 0 17 1 0 0 0 0 0";
        ProcStat s = ProcStat.parse(4242, line);
        assertThat(s.userTicks()).isEqualTo(1234);
        assertThat(s.systemTicks()).isEqualTo(567);
        assertThat(s.threads()).isEqualTo(37);
        assertThat(s.rssPages()).isEqualTo(25600);
        assertThat(s.cpuMicros()).isEqualTo((1234 + 567) * 10_000L);
        assertThat(s.rssBytes()).isEqualTo(25600L * 4096);
    }

    @Test
    void cpuSpentBetweenTwoReadingsOfThisProcessGrowsWithWork() {
        ProcStat before = ProcStat.self();
        long end = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        ProcStat after = ProcStat.self();
        assertThat(x).isNotNegative();
        assertThat(after.cpuMicrosSince(before)).isGreaterThan(0);
        assertThat(after.rssBytes()).isGreaterThan(10L << 20);
    }

    @Test
    void aLineThatIsNotFromProcIsRefused() {
        assertThatThrownBy(() -> ProcStat.parse(1, "garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parse(1, "1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }
}
