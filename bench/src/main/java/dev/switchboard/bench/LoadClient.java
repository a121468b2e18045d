package dev.switchboard.bench;

import java.io.PrintStream;

/**
 * The Netty load generator (the transport workload's second opinion), run as its own process so that
 * its CPU is never the server's: progress on stderr, the figures as one line {@code RESULT <json>} on
 * stdout.
 */
public final class LoadClient {

    public static final String RESULT_PREFIX = "RESULT ";

    private LoadClient() {
    }

    public static void main(String[] argv) {
        PrintStream out = System.out;
        try {
            Args args = new Args(argv);
            String workload = args.positional().isEmpty() ? "" : args.positional().get(0);
            Object result = switch (workload) {
                case "transport" -> TransportLoad.run(new TransportLoad.Settings(
                        args.string("server-name", "server"), args.string("host", "127.0.0.1"),
                        args.integer("port", 3000), args.longValue("server-pid", 0), args.integer("clients", 200),
                        args.integer("threads", 1), args.seconds("warmup", 3), args.seconds("window", 10)));
                default -> throw new IllegalArgumentException(
                        "usage: LoadClient transport [--option value ...], not '" + workload + "'");
            };
            out.println(RESULT_PREFIX + Json.compact(result));
            out.flush();
            System.exit(0);
        } catch (Exception e) {
            System.err.println("load client failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
