package dev.switchboard.server.fuzz;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import net.jqwik.engine.SourceOfRandomness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The long fuzz run behind {@code scripts/fuzz}: the generators and checks of {@link EveryListenerFuzzTest},
 * for as many calls or minutes as asked, printing each violation as it is found and the totals at the end.
 * Exit status 1 when anything was violated, 2 for a bad command line.
 */
@Command(name = "scripts/fuzz", sortOptions = false,
        description = "Fuzzes every listener of the event catalog against a fresh in-memory server.")
public final class FuzzMain implements Callable<Integer> {

    @Option(names = "--calls", paramLabel = "N", description = "calls to make (default 20000)")
    private long calls = 20_000;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of the generators (default: the time)")
    private Long seed;

    @Option(names = "--minutes", paramLabel = "M", description = "stop after this long (default: no limit)")
    private Double minutes;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    private boolean help;

    private FuzzMain() {
    }

    public static void main(String[] argv) {
        System.exit(new CommandLine(new FuzzMain()).execute(argv));
    }

    @Override
    public Integer call() {
        return run(calls, seed != null ? seed : System.currentTimeMillis(),
                minutes == null ? null : Duration.ofSeconds(Math.round(minutes * 60))) ? 0 : 1;
    }

    /** Runs until {@code calls} calls are made or {@code limit} has passed; true when nothing was violated. */
    static boolean run(long calls, long seed, Duration limit) {
        long started = System.nanoTime();
        long deadline = limit == null ? Long.MAX_VALUE : started + limit.toNanos();
        System.out.printf("fuzz: seed %d, up to %d calls%s%n", seed, calls,
                limit == null ? "" : ", at most " + limit.toMinutes() + " min");
        // Outside a property, jqwik samples from its thread's source of randomness: seeding it makes runs repeatable.
        SourceOfRandomness.create(Long.toString(seed));
        Iterator<FuzzCall> generated = FuzzArbitraries.calls().sampleStream().iterator();
        try (Fuzzer fuzzer = new Fuzzer(seed)) {
            for (long i = 0; i < calls && System.nanoTime() < deadline; i++) {
                print(fuzzer.run(generated.next()));
                if ((i + 1) % 1000 == 0) {
                    System.out.printf("fuzz: %d calls, %d violations, %d s%n", i + 1, fuzzer.totals().violations().size(),
                            (System.nanoTime() - started) / 1_000_000_000L);
                }
            }
            print(fuzzer.endBatch());
            FuzzTotals totals = fuzzer.totals();
            System.out.printf("%nfuzz totals (seed %d, %d s)%n%s", seed, (System.nanoTime() - started) / 1_000_000_000L,
                    totals.summary());
            return totals.violations().isEmpty();
        }
    }

    private static void print(List<Violation> violations) {
        violations.forEach(v -> System.out.println(v + "\n"));
    }
}
