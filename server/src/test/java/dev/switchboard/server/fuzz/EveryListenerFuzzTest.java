package dev.switchboard.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyStatus;
import dev.switchboard.server.harness.Replies;
import dev.switchboard.server.harness.TestClient;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

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

    private static Fuzzer fuzzer;

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
        List<Violation> violations = fuzzer.run(call);
        assertThat(violations).as("violations").isEmpty();
    }

    @AfterProperty
    void everyListenerWasCalledAndTheDatabaseKeptItsShape() {
        assertThat(fuzzer.endBatch()).as("violations at the end").isEmpty();
        assertThat(fuzzer.totals().uncalled()).as("listeners never called").isEmpty();
    }

    /**
     * The one generated size kept out of the property: a frame over maxPayload. The engine refuses it,
     * either answering {@code too_large} or closing that connection; it is never handled as a call, and
     * the other connections and the database do not notice.
     */
    @Example
    @Disabled("engine bug, reported to hardening: a websocket frame over maxPayload is neither answered nor closed;"
            + " the connection goes deaf until the client's ping timeout (about 45 s) ends it as a transport error")
    void aFrameOverMaxPayloadIsRefusedAndHarmsNoOneElse() throws InterruptedException {
        FuzzWorld world = fuzzer.world();
        TestClient sender = world.server().connect(world.actor(1).user());
        DbSnapshot before = DbSnapshot.take(world.db());

        JsonNode reply = null;
        try {
            reply = sender.callWithin(Duration.ofSeconds(5), "tweet/add", "x".repeat(FuzzWorld.MAX_PAYLOAD + 1024));
        } catch (AssertionError noReply) {
            // the engine may close the connection instead of answering
        }

        if (reply != null) {
            assertThat(Reply.statusOf(reply)).as("reply %s", reply).contains(ReplyStatus.TOO_LARGE);
        } else {
            for (int i = 0; i < 50 && sender.connected(); i++) {
                Thread.sleep(100);
            }
            assertThat(sender.connected()).as("a frame that is neither answered nor closes its connection").isFalse();
        }
        Replies.ok(world.actor(0).client().call("user/publicity/get"));
        assertThat(DbSnapshot.take(world.db()).changesSince(before)).isEmpty();
    }

    @Provide
    Arbitrary<FuzzCall> calls() {
        return FuzzArbitraries.calls();
    }
}
