package dev.switchboard.server.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.testing.RequiredTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code src/test/node/session.js}: the official Node.js client connects, says when it is
 * ready, runs its plan when told, and reports acks and pushes as JSON.
 */
public final class NodeSession implements AutoCloseable {

    public static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private JsonNode first;

    private NodeSession(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Requires node and the client packages (installed on first use): the calling test is skipped without
     * them, or fails under {@code CI=true}.
     */
    public static void require() {
        RequiredTools.requireNodePackages(NODE_DIR, "socket.io-client", "jsonwebtoken");
    }

    /** Starts the client with that plan; {@link #connected()} waits until it is connected or refused. */
    public static NodeSession start(String url, JsonNode plan) {
        try {
            Process p = new ProcessBuilder("node", "session.js", url, plan.toString())
                    .directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new NodeSession(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node: " + e.getMessage(), e);
        }
    }

    private JsonNode readLine() {
        try {
            String line = out.readLine();
            assertThat(line).as("node session printed nothing (exit %s)", process.isAlive() ? "-" : process.exitValue())
                    .isNotNull();
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when connected; false when refused (then {@link #result()} holds {@code connectError}). */
    public boolean connected() {
        if (first == null) {
            first = readLine();
        }
        return first.path("ready").asBoolean(false);
    }

    /** Lets the client run its steps, then returns what it saw. */
    public JsonNode result() {
        if (!connected()) {
            return first;
        }
        try {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode result = readLine();
        assertThat(result.has("failure")).as("node session failed: %s", result.path("failure").asText()).isFalse();
        return result;
    }

    @Override
    public void close() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
