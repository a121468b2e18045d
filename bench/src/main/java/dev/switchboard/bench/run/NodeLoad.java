package dev.switchboard.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.Json;
import dev.switchboard.bench.LatencyHistogram;
import dev.switchboard.bench.ProcStat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Several load worker processes ({@code bench/node/load.js}, the official {@code socket.io-client@4})
 * driven together: each command goes to every worker (shaped per worker) and the call returns once each
 * has answered its {@code RESULT} line. Every worker is its own process, so its CPU is read from /proc.
 */
public final class NodeLoad implements AutoCloseable {

    /**
     * Client addresses 127.0.0.1 to 127.0.0.16 for workloads with many connections: 10,000 then stay
     * under 1,000 per address (a server's usual cap per client address) and never run short of ports.
     */
    public static final List<String> SOURCE_ADDRESSES = java.util.stream.IntStream.rangeClosed(1, 16)
            .mapToObj(i -> "127.0.0." + i).toList();

    private static final String RESULT_PREFIX = "RESULT ";
    private static final Set<NodeLoad> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(NodeLoad::kill)));
    }

    private record Worker(Process process, OutputStream in, BlockingQueue<String> results, Path log) {
    }

    private final List<Worker> workers;

    private NodeLoad(List<Worker> workers) {
        this.workers = workers;
    }

    /** Starts {@code count} workers from {@code root} (the repository), logging to {@code logDir/name-i.log}. */
    public static NodeLoad start(Path root, int count, Path logDir, String name) throws IOException {
        Files.createDirectories(logDir);
        List<Worker> workers = new ArrayList<>();
        NodeLoad load = new NodeLoad(workers);
        RUNNING.add(load);
        for (int i = 0; i < count; i++) {
            Path log = logDir.resolve(name + "-" + i + ".log");
            Process p = new ProcessBuilder("node", "--max-old-space-size=4096", "bench/node/load.js")
                    .directory(root.toFile()).redirectError(log.toFile()).start();
            BlockingQueue<String> results = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> readResults(p, results), "load-worker-" + i);
            reader.setDaemon(true);
            reader.start();
            workers.add(new Worker(p, p.getOutputStream(), results, log));
        }
        return load;
    }

    private static void readResults(Process p, BlockingQueue<String> into) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT_PREFIX)) {
                    into.add(line.substring(RESULT_PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // the worker is gone; the caller notices when no result comes
        }
    }

    public int size() {
        return workers.size();
    }

    /** Sends worker i the command {@code command.apply(i)} and waits for every answer. */
    public List<JsonNode> send(IntFunction<Map<String, Object>> command, Duration timeout) throws IOException {
        write(command);
        return answers(timeout);
    }

    /** Like {@link #send} but returns at once, so the caller can take readings while the workers run. */
    public CompletableFuture<List<JsonNode>> sendAsync(IntFunction<Map<String, Object>> command, Duration timeout)
            throws IOException {
        write(command);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return answers(timeout);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void write(IntFunction<Map<String, Object>> command) throws IOException {
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            w.in().write((Json.compact(command.apply(i)) + "\n").getBytes(StandardCharsets.UTF_8));
            w.in().flush();
        }
    }

    private List<JsonNode> answers(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> out = new ArrayList<>();
        for (Worker w : workers) {
            String line;
            try {
                line = w.results().poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the load workers", e);
            }
            if (line == null) {
                throw new IOException("load worker " + w.process().pid() + (w.process().isAlive() ? " did not answer within "
                        + timeout.toSeconds() + " s" : " exited") + "; " + w.log() + ":\n" + LogTail.of(w.log(), 20));
            }
            JsonNode answer = Json.MAPPER.readTree(line);
            if (answer.has("error")) {
                throw new IOException("load worker " + w.process().pid() + " failed: " + answer.get("error").asText());
            }
            out.add(answer);
        }
        return out;
    }

    /** CPU readings of every worker, for {@link #cpuPercent}. */
    public List<ProcStat> cpu() {
        return workers.stream().map(w -> ProcStat.of(w.process().pid())).toList();
    }

    /** Total and busiest worker CPU between two readings, in % of one core. */
    public static dev.switchboard.bench.result.LoadCpu cpuPercent(List<ProcStat> before, List<ProcStat> after,
                                                                   double seconds) {
        double total = 0;
        double busiest = 0;
        for (int i = 0; i < before.size(); i++) {
            double percent = after.get(i).cpuMicrosSince(before.get(i)) / (seconds * 1e4);
            total += percent;
            busiest = Math.max(busiest, percent);
        }
        return new dev.switchboard.bench.result.LoadCpu(before.size(), round(total), round(busiest));
    }

    /** Merges the histogram a worker sent under {@code field} of each answer. */
    public static LatencyHistogram histogram(List<JsonNode> answers, String field) {
        LatencyHistogram h = new LatencyHistogram();
        answers.forEach(a -> add(h, a.path(field)));
        return h;
    }

    public static void add(LatencyHistogram into, JsonNode sent) {
        if (sent.isMissingNode() || sent.path("count").asLong() == 0) {
            return;
        }
        List<long[]> buckets = new ArrayList<>();
        sent.path("buckets").forEach(pair -> buckets.add(new long[] {pair.get(0).asLong(), pair.get(1).asLong()}));
        into.addBuckets(buckets, sent.path("sum").asLong(), sent.path("min").asLong(), sent.path("max").asLong());
    }

    /** The sum of a whole-number field over the answers. */
    public static long sum(List<JsonNode> answers, String field) {
        return answers.stream().mapToLong(a -> a.path(field).asLong()).sum();
    }

    /** Splits {@code total} over the workers: worker i's share, the first ones taking the remainder. */
    public int share(int total, int worker) {
        int n = workers.size();
        return total / n + (worker < total % n ? 1 : 0);
    }

    /** The index of worker i's first item when {@code total} items are split by {@link #share}. */
    public int offset(int total, int worker) {
        int from = 0;
        for (int i = 0; i < worker; i++) {
            from += share(total, i);
        }
        return from;
    }

    /** Closes every socket and lets the workers exit; kills them if they do not within 10 s. */
    @Override
    public void close() {
        try {
            write(i -> Map.of("cmd", "close"));
        } catch (IOException e) {
            // a worker already gone
        }
        for (Worker w : workers) {
            try {
                if (!w.process().waitFor(10, TimeUnit.SECONDS)) {
                    w.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill();
    }

    private void kill() {
        RUNNING.remove(this);
        workers.forEach(w -> w.process().destroyForcibly());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
