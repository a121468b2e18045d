package dev.switchboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyStatus;
import dev.switchboard.server.store.derived.DerivedDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes generated calls one at a time (so that the oracle's view of the database is the one the server
 * acts on) and checks the properties after each: exactly one reply with a known status within
 * {@link #REPLY_WITHIN}, the connection still up, what the {@link Oracle} allows, server-owned fields of
 * created documents, nothing written when a write is refused. Every {@link #BATCH} calls the whole
 * database is checked against {@link StoredShape} and the derived documents against their sources
 * ({@link DerivedDocuments#check}).
 */
final class Fuzzer implements AutoCloseable {

    static final int BATCH = 25;
    static final Duration REPLY_WITHIN = Duration.ofSeconds(5);
    private static final Set<String> SECRET_FIELDS = Set.of("hashPassword", "email", "phone");

    private final FuzzWorld world;
    private final Oracle oracle;
    private final CreatedDocuments created;
    private final AckLog acks = AckLog.install();
    private final FuzzTotals totals = new FuzzTotals();
    private Pools pools;
    private long duplicatesSeen;

    Fuzzer(long seed) {
        world = new FuzzWorld(seed);
        oracle = new Oracle(world.db(), FuzzWorld.MAX_IMAGE_BYTES);
        created = new CreatedDocuments(world.db());
        pools = new Pools(world.db());
    }

    FuzzTotals totals() {
        return totals;
    }

    FuzzWorld world() {
        return world;
    }

    /** Makes the call; returns the violations it caused (also kept in the totals). */
    List<Violation> run(FuzzCall call) {
        FuzzWorld.Actor actor = world.actor(call.actor());
        EventSpec spec = EventCatalog.require(call.event());
        List<JsonNode> args = call.args().stream().map(a -> a.resolve(pools, actor.user())).toList();
        Expectation expected = oracle.expect(spec, args, actor.user());
        DbSnapshot before = expected.mustNotWrite() ? DbSnapshot.take(world.db()) : null;

        long sentAt = System.currentTimeMillis();
        JsonNode reply = send(actor, call.event(), args);
        long repliedAt = System.currentTimeMillis();

        List<Violation> found = new ArrayList<>();
        Recorder record = (property, expectation) -> found.add(new Violation(property, call.event(),
                actor.user().toHexString() + " (connection " + actor.index() + ")", args,
                reply == null ? "(none)" : reply.toString(), expectation));
        Optional<ReplyStatus> status = Optional.ofNullable(reply).flatMap(Reply::statusOf);
        totals.reply(call.event(), status.map(ReplyStatus::code).orElse(reply == null ? "(no reply)" : "(unknown)"));

        if (reply == null) {
            record.add("one reply within " + REPLY_WITHIN.toSeconds() + " s", "a reply");
        } else if (status.isEmpty()) {
            record.add("a known status", "{ status: one of " + List.of(ReplyStatus.values()) + " }");
        } else {
            envelope(reply, status.get(), record);
            if (status.get() == ReplyStatus.INTERNAL) {
                record.add("no internal failure on client input", "a clear failure code, the database being up");
            }
            if (!expected.allowed().contains(status.get())) {
                record.add("oracle: " + expected.rules(), "one of " + expected.allowed());
            }
            if (status.get() == ReplyStatus.OK) {
                for (var check : expected.okChecks()) {
                    String problem = check.apply(reply);
                    if (problem != null) {
                        record.add("visibility of what an ok reply holds", problem);
                    }
                }
                for (String problem : created.check(call.event(), args, reply, actor.user(), sentAt, repliedAt)) {
                    record.add("server-owned fields of a created document", problem);
                }
            }
            secrets(reply, "", record);
        }
        if (before != null) {
            List<String> changes = DbSnapshot.take(world.db()).changesSince(before);
            if (!changes.isEmpty()) {
                record.add("a refused call writes nothing (" + expected.rules() + ")", "no change; got "
                        + String.join("\n            ", changes));
            }
        }
        if (!actor.client().connected()) {
            record.add("the connection stays up", "still connected after the call");
            world.reconnect(actor);
        }
        found.forEach(totals::violation);
        if (totals.calls() % BATCH == 0) {
            found.addAll(endBatch());
        }
        return found;
    }

    /** Checks the stored shape, the derived documents' invariants and double replies, and refreshes the id pools. */
    List<Violation> endBatch() {
        List<Violation> found = new ArrayList<>();
        totals.shapeChecked();
        for (String problem : StoredShape.check(world.db())) {
            found.add(new Violation("stored shape (docs/protocol.md \"Stored documents\")", "(whole database)", "-",
                    List.of(), "-", problem));
        }
        for (String problem : DerivedDocuments.of(world.db()).check(world.db())) {
            found.add(new Violation("derived documents agree with their sources (docs/protocol.md \"Derived documents\")",
                    "(whole database)", "-", List.of(), "-", problem));
        }
        long duplicates = acks.duplicates();
        if (duplicates > duplicatesSeen) {
            found.add(new Violation("exactly one reply", "(the batch before)", "-", List.of(), "-",
                    (duplicates - duplicatesSeen) + " acks arrived for calls already answered"));
            duplicatesSeen = duplicates;
        }
        found.forEach(totals::violation);
        pools = new Pools(world.db());
        return found;
    }

    private static JsonNode send(FuzzWorld.Actor actor, String event, List<JsonNode> args) {
        try {
            return actor.client().callWithin(REPLY_WITHIN, event, args.toArray());
        } catch (AssertionError timedOut) {
            return null;
        }
    }

    private static void envelope(JsonNode reply, ReplyStatus status, Recorder record) {
        if (status == ReplyStatus.OK && reply.has(Reply.ERROR)) {
            record.add("the reply envelope", "no error field on ok");
        }
        if (status != ReplyStatus.OK && (!reply.path(Reply.ERROR).isTextual() || reply.path(Reply.ERROR).asText().isBlank())) {
            record.add("the reply envelope", "a failure carries an error sentence");
        }
    }

    /** No reply ever carries a password hash, an e-mail address or a phone number. */
    private static void secrets(JsonNode node, String path, Recorder record) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (SECRET_FIELDS.contains(f.getKey())) {
                    record.add("no private user fields in replies", "no " + path + f.getKey());
                }
                secrets(f.getValue(), path + f.getKey() + ".", record);
            });
        } else if (node.isArray()) {
            node.forEach(n -> secrets(n, path + "[].", record));
        }
    }

    @FunctionalInterface
    private interface Recorder {
        void add(String property, String expectation);
    }

    @Override
    public void close() {
        acks.close();
        world.close();
    }
}
