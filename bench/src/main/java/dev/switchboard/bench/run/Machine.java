package dev.switchboard.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine a run was measured on, as recorded in every result file. */
public record Machine(String cpuModel, int cores, long memoryBytes, String kernel, String javaVersion,
                      String javaVm, String nodeVersion, String socketIoVersion, double loadAverageAtStart) {

    public static Machine describe(Path nodeDir) {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                command(List.of("node", "--version")), socketIoVersion(nodeDir), loadAverage());
    }

    private static String readCpuModel() {
        return firstValue("/proc/cpuinfo", "model name").orElse("unknown");
    }

    private static long memTotal() {
        return firstValue("/proc/meminfo", "MemTotal")
                .map(v -> Long.parseLong(v.replace("kB", "").trim()) * 1024)
                .orElse(0L);
    }

    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String socketIoVersion(Path nodeDir) {
        try {
            String pkg = Files.readString(nodeDir.resolve("node_modules/socket.io/package.json"));
            var m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(pkg);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "not installed";
        }
    }

    private static java.util.Optional<String> firstValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    static String command(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unavailable";
        } catch (IOException e) {
            return "unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        }
    }
}
