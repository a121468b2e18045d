package dev.switchboard.bench.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the used Java heap out of {@code jcmd <pid> GC.heap_info}, for any of the JDK's collectors. */
public final class HeapReading {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    /** Shenandoah: {@code 2048M max, 2048M soft max, 869M committed, 178M used} (in its own unit, K, M or G). */
    private static final Pattern SHENANDOAH_USED = Pattern.compile("committed, (\\d+)([KMG]) used");

    private HeapReading() {
    }

    /** Sums the {@code used NK} of every heap space line (Shenandoah: its one line); metaspace is not heap and is left out. */
    public static long usedBytes(String heapInfo) {
        long kib = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            Matcher shenandoah = SHENANDOAH_USED.matcher(line);
            if (m.find()) {
                kib += Long.parseLong(m.group(1));
                found = true;
            } else if (shenandoah.find()) {
                long unit = switch (shenandoah.group(2)) {
                    case "G" -> 1024 * 1024;
                    case "M" -> 1024;
                    default -> 1;
                };
                kib += Long.parseLong(shenandoah.group(1)) * unit;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no heap usage in jcmd output: " + heapInfo);
        }
        return kib * 1024;
    }
}
