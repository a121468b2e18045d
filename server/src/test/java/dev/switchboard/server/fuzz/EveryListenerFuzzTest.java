package dev.switchboard.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.harness.Replies;
import dev.switchboard.server.harness.TestClient;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.json.JSONArray;

/**
 * Every listener of the catalog, called from several connections with generated, mostly hostile
 * arguments (see {@link FuzzArbitraries}), keeps the contract: one reply with a known status, the
 * connection up, the stored shape intact, visibility respected (see {@link Fuzzer}).
 *
 * <p>CI runs {@value #TRIES} calls from a fixed seed. The long run is {@code scripts/fuzz} ({@link FuzzMain}):
 * the same generators and checks for any number of calls or minutes and any seed.
 */
class EveryListenerFuzzTest {

    static final int TRIES = 300;
    static final long SEED = 20261125L;
    static final Duration PROMPTLY = Duration.ofSeconds(2);

    private static Fuzzer fuzzer;
    /** The examples may run before the property; only after it must every listener have been called. */
    private static volatile boolean propertyRan;

    @BeforeContainer
    static void start() {
        fuzzer = new Fuzzer(SEED);
    }

    @AfterContainer
    static void stop() {
        if (fuzzer != null) {
            System.out.println(fuzzer.totals().summary());
            fuzzer.close();
        }
    }

    @Property(tries = TRIES, seed = "" + SEED, shrinking = ShrinkingMode.OFF)
    void everyCallKeepsTheContract(@ForAll("calls") FuzzCall call) {
        propertyRan = true;
        List<Violation> violations = fuzzer.run(call);
        assertThat(violations).as("violations").isEmpty();
    }

    @AfterProperty
    void everyListenerWasCalledAndTheDatabaseKeptItsShape() {
        assertThat(fuzzer.endBatch()).as("violations at the end").isEmpty();
        if (propertyRan) {
            assertThat(fuzzer.totals().uncalled()).as("listeners never called").isEmpty();
        }
    }

    /**
     * The one generated size kept out of the property: a frame over maxPayload. The engine refuses it
     * and closes that connection at once; it is never handled as a call, and the other connections
     * and the database do not notice.
     */
    @Example
    void aFrameOverMaxPayloadIsRefusedAndHarmsNoOneElse() {
        assertRefusedPromptly("tweet/add", "x".repeat(FuzzWorld.MAX_PAYLOAD + 1024));
    }

    /**
     * The one generated depth kept out of the property: JSON nested deeper than the parser's limit
     * (1000 levels) is refused like a frame over maxPayload; depths up to {@code FuzzArbitraries}' cap
     * are ordinary hostile arguments.
     */
    @Example
    void jsonNestedDeeperThanTheParserAllowsIsRefusedAndHarmsNoOneElse() {
        JSONArray nested = new JSONArray();
        for (int depth = 1; depth < 1001; depth++) {
            nested = new JSONArray().put(nested);
        }
        assertRefusedPromptly("user/publicity/get", nested);
    }

    /** The sender's connection ends within {@link #PROMPTLY}, a fresh connection still works, the database is untouched. */
    private static void assertRefusedPromptly(String event, Object argument) {
        FuzzWorld world = fuzzer.world();
        TestClient sender = world.server().connect(world.actor(1).user());
        DbSnapshot before = DbSnapshot.take(world.db());

        sender.send(event, argument);

        assertThat(sender.awaitDisconnect(PROMPTLY)).isEqualTo("io server disconnect");
        assertThat(sender.connected()).isFalse();
        Replies.ok(world.actor(0).client().call("user/publicity/get"));
        assertThat(DbSnapshot.take(world.db()).changesSince(before)).isEmpty();
    }

    @Provide
    Arbitrary<FuzzCall> calls() {
        return FuzzArbitraries.calls();
    }
}
