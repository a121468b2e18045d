package dev.switchboard.server.fuzz;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import net.jqwik.engine.SourceOfRandomness;

/**
 * The long fuzz run behind {@code scripts/fuzz}: the generators and checks of {@link EveryListenerFuzzTest},
 * for as many calls or minutes as asked, printing each violation as it is found and the totals at the end.
 * Exit status 1 when anything was violated.
 *
 * <pre>{@code --calls N (default 20000)  --seed S (default: the time)  --minutes M (default: no limit)}</pre>
 */
public final class FuzzMain {

    private FuzzMain() {
    }

    public static void main(String[] argv) {
        long calls = 20_000;
        long seed = System.currentTimeMillis();
        Duration limit = null;
        for (int i = 0; i < argv.length; i++) {
            String value = i + 1 < argv.length ? argv[i + 1] : null;
            switch (argv[i]) {
                case "--calls" -> calls = Long.parseLong(required(argv[i], value));
                case "--seed" -> seed = Long.parseLong(required(argv[i], value));
                case "--minutes" -> limit = Duration.ofSeconds(Math.round(Double.parseDouble(required(argv[i], value)) * 60));
                case "--help", "-h" -> {
                    System.out.println("usage: scripts/fuzz [--calls N] [--seed S] [--minutes M]");
                    return;
                }
                default -> fail("unknown option " + argv[i] + " (try --help)");
            }
            i++;
        }
        System.exit(run(calls, seed, limit) ? 0 : 1);
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

    private static String required(String option, String value) {
        if (value == null) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("fuzz: " + message);
        System.exit(2);
    }
}
