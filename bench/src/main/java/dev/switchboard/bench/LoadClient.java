package dev.switchboard.bench;

import dev.switchboard.bench.result.AppPlan;
import dev.switchboard.protocol.jwt.Jwt;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The load generator, run as its own process so that its CPU is never the server's: one workload
 * per invocation, progress on stderr, and the figures as one line {@code RESULT <json>} on stdout.
 */
public final class LoadClient {

    public static final String RESULT_PREFIX = "RESULT ";

    private LoadClient() {
    }

    private static AppPlan readPlan(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), AppPlan.class);
    }

    /** Connection {@code i} authenticates as user {@code i mod users}, with a token signed like the server expects. */
    private static IntFunction<String> tokens(AppPlan plan, String secret) {
        Jwt jwt = new Jwt(secret);
        List<String> tokens = plan.users().stream().map(u -> jwt.sign(u.id())).toList();
        return i -> "{\"accessToken\":\"" + tokens.get(i % tokens.size()) + "\"}";
    }

    /** 127.0.0.1 and up to 15 more loopback addresses to spread client ports over. */
    static List<String> sourceAddresses(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= Math.max(1, Math.min(count, 16)); i++) {
            out.add("127.0.0." + i);
        }
        return count <= 1 ? List.of() : out;
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static int printed(Object result) {
        System.out.println(RESULT_PREFIX + Json.compact(result));
        System.out.flush();
        return 0;
    }

    @Command(name = "LoadClient", subcommands = {Transport.class, App.class, Connections.class},
            description = "One workload of the benchmark against a server.")
    static final class Workloads implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "say which workload: transport, app or connections");
        }
    }

    /** The server under load. */
    static final class Server {
        @Option(names = "--host", description = "default 127.0.0.1")
        String host = "127.0.0.1";

        @Option(names = "--port", description = "default 3000")
        int port = 3000;

        @Option(names = "--server-pid", description = "whose CPU to measure (0: none)")
        long serverPid;
    }

    @Command(name = "transport", description = "clients each keeping one message-with-ack in flight")
    static final class Transport implements Callable<Integer> {
        @Mixin
        Server server;

        @Option(names = "--server-name")
        String serverName = "server";

        @Option(names = "--clients")
        int clients = 200;

        @Option(names = "--threads")
        int threads = 1;

        @Option(names = "--warmup", description = "seconds")
        double warmup = 3;

        @Option(names = "--window", description = "seconds")
        double window = 10;

        @Override
        public Integer call() throws Exception {
            return printed(TransportLoad.run(new TransportLoad.Settings(serverName, server.host, server.port,
                    server.serverPid, clients, threads, seconds(warmup), seconds(window))));
        }
    }

    @Command(name = "app", description = "the application mix at rising rates")
    static final class App implements Callable<Integer> {
        @Mixin
        Server server;

        @Option(names = "--plan", required = true, description = "the fixture's plan (JSON)")
        Path plan;

        @Option(names = "--secret")
        String secret = Jwt.EXAMPLE_SECRET;

        @Option(names = "--start-rate")
        int startRate = 100;

        @Option(names = "--max-rate")
        int maxRate = 20_000;

        @Option(names = "--refine")
        int refine = 2;

        @Option(names = "--confirm")
        boolean confirm;

        @Option(names = "--warmup", description = "seconds")
        double warmup = 2;

        @Option(names = "--window", description = "seconds")
        double window = 10;

        @Option(names = "--p99-target-ms")
        int p99TargetMs = 25;

        @Override
        public Integer call() throws Exception {
            AppPlan read = readPlan(plan);
            return printed(AppLoad.run(new AppLoad.Settings(server.host, server.port, server.serverPid, read,
                    tokens(read, secret), startRate, maxRate, refine, confirm, seconds(warmup), seconds(window),
                    p99TargetMs)));
        }
    }

    @Command(name = "connections", description = "a ramp of idle websocket connections")
    static final class Connections implements Callable<Integer> {
        @Mixin
        Server server;

        @Option(names = "--plan", description = "authenticate as the plan's users (JSON); default: no auth")
        Path plan;

        @Option(names = "--secret")
        String secret = Jwt.EXAMPLE_SECRET;

        @Option(names = "--count")
        int count = 10_000;

        @Option(names = "--in-flight")
        int inFlight = 200;

        @Option(names = "--threads")
        int threads = 1;

        @Option(names = "--source-addresses")
        int sourceAddresses = 1;

        @Option(names = "--ramp-timeout", description = "seconds")
        double rampTimeout = 300;

        @Option(names = "--hold-max", description = "seconds")
        double holdMax = 300;

        @Override
        public Integer call() throws Exception {
            IntFunction<String> auth = plan == null ? i -> null : tokens(readPlan(plan), secret);
            return printed(ConnectionsLoad.run(new ConnectionsLoad.Settings(server.host, server.port, count, inFlight,
                    threads, sourceAddresses(sourceAddresses), auth, seconds(rampTimeout), seconds(holdMax))));
        }
    }

    public static void main(String[] argv) {
        System.exit(new CommandLine(new Workloads()).execute(argv));
    }
}
