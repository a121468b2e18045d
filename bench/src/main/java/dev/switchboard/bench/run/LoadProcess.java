package dev.switchboard.bench.run;

import dev.switchboard.bench.Json;
import dev.switchboard.bench.LoadClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LoadClient} (the Netty second opinion) in a JVM of its own (the load must never share a
 * process with the server, nor with this orchestrator), and reads its {@code RESULT} line.
 */
public final class LoadProcess {

    private LoadProcess() {
    }

    public static <T> T run(Class<T> resultType, List<String> args, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "-Dio.netty.leakDetection.level=disabled",
                "-cp", System.getProperty("java.class.path"), LoadClient.class.getName()));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Thread watchdog = watchdog(p, timeout);
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(LoadClient.RESULT_PREFIX)) {
                    result = line.substring(LoadClient.RESULT_PREFIX.length());
                }
            }
            watchdog.interrupt();
        } finally {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (p.exitValue() != 0 || result == null) {
            throw new IOException("load client " + args + " failed (exit " + p.exitValue() + "); " + log + ":\n" + LogTail.of(log, 20));
        }
        return Json.MAPPER.readValue(result, resultType);
    }

    /** Kills a load client that overruns its time box, so a stuck run can never hang the bench. */
    private static Thread watchdog(Process p, Duration timeout) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                System.err.println("load client overran " + timeout.toSeconds() + " s; stopping it");
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "load-client-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
