package dev.switchboard.bench;

import dev.switchboard.bench.result.AppPlan;
import dev.switchboard.protocol.jwt.Jwt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The load generator, run as its own process so that its CPU is never the server's: one workload
 * per invocation, progress on stderr, and the figures as one line {@code RESULT <json>} on stdout.
 */
public final class LoadClient {

    public static final String RESULT_PREFIX = "RESULT ";

    private LoadClient() {
    }

    private static AppPlan readPlan(String file) throws IOException {
        return Json.MAPPER.readValue(Path.of(file).toFile(), AppPlan.class);
    }

    /** Connection {@code i} authenticates as user {@code i mod users}, with a token signed like the server expects. */
    private static IntFunction<String> tokens(AppPlan plan, Args args) {
        Jwt jwt = new Jwt(args.string("secret", Jwt.EXAMPLE_SECRET));
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
                case "app" -> {
                    AppPlan plan = readPlan(args.required("plan"));
                    yield AppLoad.run(new AppLoad.Settings(args.string("host", "127.0.0.1"), args.integer("port", 3000),
                            args.longValue("server-pid", 0), plan, tokens(plan, args), args.integer("start-rate", 100),
                            args.integer("max-rate", 20_000), args.integer("refine", 2), args.flag("confirm"),
                            args.seconds("warmup", 2), args.seconds("window", 10), args.integer("p99-target-ms", 25)));
                }
                case "connections" -> {
                    IntFunction<String> auth = args.string("plan", null) == null
                            ? i -> null : tokens(readPlan(args.required("plan")), args);
                    yield ConnectionsLoad.run(new ConnectionsLoad.Settings(args.string("host", "127.0.0.1"),
                            args.integer("port", 3000), args.integer("count", 10_000), args.integer("in-flight", 200),
                            args.integer("threads", 1), sourceAddresses(args.integer("source-addresses", 1)), auth,
                            args.seconds("ramp-timeout", 300), args.seconds("hold-max", 300)));
                }
                default -> throw new IllegalArgumentException(
                        "usage: LoadClient transport|app|connections [--option value ...], not '" + workload + "'");
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
