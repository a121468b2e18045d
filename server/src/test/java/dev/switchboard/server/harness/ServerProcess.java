package dev.switchboard.server.harness;

import dev.switchboard.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/server} as a separate JVM on this test's class path, so it can be killed like a real
 * process (SIGKILL, SIGTERM). Learns its Socket.IO URL and MongoDB URI from the lines it prints on start.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern SOCKET_IO = Pattern.compile("^switchboard: Socket\\.IO at (\\S+)$");
    private static final Pattern MONGO = Pattern.compile("^switchboard: MongoDB at (\\S+) ");

    private final Process process;
    private final String url;
    private final String mongoUri;
    private final List<String> output;

    private ServerProcess(Process process, String url, String mongoUri, List<String> output) {
        this.process = process;
        this.url = url;
        this.mongoUri = mongoUri;
        this.output = output;
    }

    /**
     * Starts {@code Main} on loopback and a free port, with these arguments (a database among them:
     * {@link #onFile}, or {@code --mongo-uri}); returns once it printed "ready".
     */
    public static ServerProcess start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String[]> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(process, output, ready), "server-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String[] found = ready.get(60, TimeUnit.SECONDS);
            return new ServerProcess(process, found[0], found[1], output);
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server process did not start: " + e + "; it printed: " + output, e);
        }
    }

    private static void read(Process process, List<String> output, CompletableFuture<String[]> ready) {
        String url = null;
        String mongo = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                Matcher m = SOCKET_IO.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
                m = MONGO.matcher(line);
                if (m.find()) {
                    mongo = m.group(1);
                }
                if (line.startsWith("switchboard: ready") && url != null && mongo != null) {
                    ready.complete(new String[] {url, mongo});
                }
            }
        } catch (IOException e) {
            // the process died; whoever waits learns it from the future
        }
        ready.completeExceptionally(new IllegalStateException("the process ended"));
    }

    /** The arguments of a server on the embedded database in {@code dbFile}, on a free port. */
    public static String[] onFile(Path dbFile, String... more) {
        List<String> args = new ArrayList<>(List.of("--db-port", "0", "--db-file", dbFile.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    public String url() {
        return url;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** Every line it printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook stops the server gracefully. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
