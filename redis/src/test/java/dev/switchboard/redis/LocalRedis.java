package dev.switchboard.redis;

import dev.switchboard.engine.testing.RequiredTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A real {@code redis-server} from the PATH on a free loopback port, without persistence, for tests.
 * Tests that need it are skipped, with the reason, when {@code redis-server} is not installed (they fail
 * under {@code CI=true}).
 */
public final class LocalRedis implements AutoCloseable {

    private final int port;
    private Process process;

    private LocalRedis(int port) {
        this.port = port;
    }

    /**
     * Starts one; when redis-server is not on the PATH the calling test is skipped, or fails under
     * {@code CI=true} ({@link RequiredTools}).
     */
    public static LocalRedis required() {
        RequiredTools.require("redis-server", "install it: apt-get install redis-server; the cross-node tests need"
                + " a real Redis");
        LocalRedis redis = new LocalRedis(freePort());
        redis.start();
        return redis;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts redis-server (again, on the same port) and waits until it answers PING. */
    public synchronized void start() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not come up on port " + port);
            }
            sleep(50);
        }
    }

    /** Kills redis-server at once (SIGKILL) and waits until it is gone; its data is lost. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return "+PONG".equals(line);
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
