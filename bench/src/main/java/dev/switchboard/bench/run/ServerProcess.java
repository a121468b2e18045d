package dev.switchboard.bench.run;

import dev.switchboard.bench.Json;
import dev.switchboard.bench.ProcStat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A server under test, started as its own process (and process tree), ready once its port accepts
 * connections. Every server still running is stopped when the bench exits, however it exits.
 */
public final class ServerProcess implements AutoCloseable {

    /** How the server's heap is read: jcmd for a JVM, the baseline's own stats route for Node. */
    public enum Runtime { JVM, NODE }

    public record Memory(long rssBytes, long heapUsedBytes) {
    }

    private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ServerProcess::close)));
    }

    private final String name;
    private final Runtime runtime;
    private final Process process;
    private final Path log;
    private final int port;
    private long pid;

    private ServerProcess(String name, Runtime runtime, Process process, Path log, int port) {
        this.name = name;
        this.runtime = runtime;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ServerProcess start(String name, Runtime runtime, List<String> command, Path workDir, Path log,
                                      int port, Duration readyTimeout, Map<String, String> env) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ServerProcess server = new ServerProcess(name, runtime, pb.start(), log, port);
        RUNNING.add(server);
        try {
            server.awaitReady(readyTimeout);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with status " + process.exitValue() + " before listening on "
                        + port + "; its log " + log + " ends with:\n" + tail());
            }
            if (accepts()) {
                var found = ListeningSockets.pidListeningOn(process.toHandle(), port);
                if (found.isPresent()) {
                    pid = found.get();
                    return;
                }
            }
            sleep(200);
        }
        throw new IOException(name + " did not listen on port " + port + " within " + timeout.toSeconds()
                + " s; its log " + log + " ends with:\n" + tail());
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The pid of the process that holds the listening socket (the JVM or node, not a wrapper script). */
    public long pid() {
        return pid;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Heap in use after a full collection, then the resident set size. */
    public Memory memoryAfterGc() throws IOException, InterruptedException {
        long heap = runtime == Runtime.JVM ? jvmHeapAfterGc() : nodeHeapAfterGc();
        return new Memory(ProcStat.of(pid).rssBytes(), heap);
    }

    /**
     * Collects twice, 2 s apart: a collector that gives unused heap back to the system (Shenandoah) does it after
     * the collection, not during it, so one collection alone leaves the resident size depending on what ran before.
     */
    private long jvmHeapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(2000);
        jcmd("GC.run");
        return HeapReading.usedBytes(jcmd("GC.heap_info"));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    private long nodeHeapAfterGc() throws IOException, InterruptedException {
        // HTTP/1.1 only: an h2c upgrade request would be taken for a websocket upgrade by engine.io
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bench/stats"))
                .timeout(Duration.ofSeconds(30)).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return Json.MAPPER.readTree(body).path("heapUsed").asLong();
    }

    public String tail() {
        return LogTail.of(log, 25);
    }

    /** Stops the whole process tree: politely first, then forcibly after 10 s. */
    @Override
    public void close() {
        RUNNING.remove(this);
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }
}
