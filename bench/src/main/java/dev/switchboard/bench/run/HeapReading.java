package dev.switchboard.bench.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the used Java heap out of {@code jcmd <pid> GC.heap_info}, for any of the JDK's collectors. */
public final class HeapReading {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private HeapReading() {
    }

    /** Sums the {@code used NK} of every heap space line; metaspace is not heap and is left out. */
    public static long usedBytes(String heapInfo) {
        long kib = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                kib += Long.parseLong(m.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no heap usage in jcmd output: " + heapInfo);
        }
        return kib * 1024;
    }
}
