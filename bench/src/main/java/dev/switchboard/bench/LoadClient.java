package dev.switchboard.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The Netty load generator (the transport workload's second opinion), run as its own process so that
 * its CPU is never the server's: progress on stderr, the figures as one line {@code RESULT <json>} on
 * stdout.
 */
@Command(name = "LoadClient", subcommands = LoadClient.Transport.class,
        description = "The Netty load generator against one server.")
public final class LoadClient implements Runnable {

    public static final String RESULT_PREFIX = "RESULT ";

    @Spec
    private CommandSpec spec;

    private LoadClient() {
    }

    /** Without a workload: a usage error, like any other. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say which workload: transport");
    }

    @Command(name = "transport", description = "clients each keeping one message-with-ack in flight")
    static final class Transport implements Callable<Integer> {
        @Option(names = "--server-name")
        String serverName = "server";

        @Option(names = "--host")
        String host = "127.0.0.1";

        @Option(names = "--port")
        int port = 3000;

        @Option(names = "--server-pid", description = "whose CPU to measure (0: none)")
        long serverPid;

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
            Object result = TransportLoad.run(new TransportLoad.Settings(serverName, host, port, serverPid, clients,
                    threads, seconds(warmup), seconds(window)));
            System.out.println(RESULT_PREFIX + Json.compact(result));
            System.out.flush();
            return 0;
        }

        private static Duration seconds(double s) {
            return Duration.ofMillis(Math.round(s * 1000));
        }
    }

    public static void main(String[] argv) {
        System.exit(new CommandLine(new LoadClient()).execute(argv));
    }
}
