package dev.switchboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.catalog.IdKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated calls of every listener of the catalog: mostly arguments of the right type naming real
 * data (often data the caller may not touch), mixed with wrong types, missing and extra arguments,
 * null, huge and deep values, unicode and operator-looking objects. Sizes stay under
 * {@link FuzzWorld#MAX_PAYLOAD}.
 */
final class FuzzArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Pieces of text that break naive handling: emoji, right-to-left, combining marks, zero-width, NUL, BOM.
     * No lone surrogates: the Java client cannot send them (its UTF-8 encoder turns them into '?').
     */
    private static final List<String> TRICKY = List.of("a", "z", " ", "\t", "\n", "😀", "👩‍👩‍👧", "مرحبا", "שלום", "e\u0301",
            "\u200b", "\u202e", "\u0000", "\ufeff", "\\", "\"", "'", "<script>", "${x}", "%s", "{}",
            "$ne", "$where", "Ω", "中文", "\u2028", "\u00a0", "\u3000");
    private static final List<String> INVALID_BASE64 = List.of("not base64!", "abc", "====", "QUJD\nREVG",
            "data:image/png;base64,iVBORw0KGgo=", "QUJD REVG", "QUJ", "*/*/", "QUJDRA=", "QUJDRA===");

    private FuzzArbitraries() {
    }

    static Arbitrary<FuzzCall> calls() {
        return Arbitraries.of(EventCatalog.listeners()).withoutEdgeCases().flatMap(spec -> Combinators.combine(
                Arbitraries.integers().between(0, 99), args(spec)).as((actor, args) -> new FuzzCall(actor, spec.name(), args)))
                .withoutEdgeCases();
    }

    private static Arbitrary<List<Arg>> args(EventSpec spec) {
        Arbitrary<List<Arg>> positional = spec.args().isEmpty() ? Arbitraries.just(List.of())
                : Combinators.combine(spec.args().stream().map(a -> arg(spec, a)).toList()).as(List::copyOf);
        if (spec.name().equals("story/photo/get")) {
            positional = Arbitraries.frequencyOf(Tuple.of(3, storyWithOwner()), Tuple.of(2, positional));
        }
        Arbitrary<List<Arg>> missing = positional.flatMap(list -> Arbitraries.integers().between(0, list.size())
                .map(n -> list.subList(0, n)));
        Arbitrary<List<Arg>> extra = Combinators.combine(positional, hostile().list().ofMinSize(1).ofMaxSize(3))
                .as((list, more) -> {
                    List<Arg> all = new ArrayList<>(list);
                    all.addAll(more);
                    return List.copyOf(all);
                });
        return Arbitraries.frequencyOf(Tuple.of(16, positional), Tuple.of(1, missing), Tuple.of(1, extra));
    }

    private static Arbitrary<Arg> arg(EventSpec spec, ArgSpec arg) {
        Arbitrary<Arg> fitting = switch (arg.type()) {
            case ID -> id(arg.idOf());
            case ID_LIST -> idList();
            case PAGE -> page();
            case TEXT -> text(arg.minLength(), arg.maxLength());
            case BOOLEAN -> Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(true, false).map(b -> json(NODES.booleanNode(b)))),
                    Tuple.of(1, Arbitraries.of("true", "false", "1", "0", "null", "{}").map(s -> json(parse(s)))));
            case OBJECT -> messageData();
            case IMAGE -> image();
            case TEXT_OR_OBJECT -> Arbitraries.frequencyOf(Tuple.of(4, text(arg.minLength(), arg.maxLength())),
                    Tuple.of(2, tweetObject(arg.objectField(), arg.minLength(), arg.maxLength())));
        };
        if (arg.optional()) {
            fitting = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(json(NODES.nullNode()))), Tuple.of(1, fitting));
        }
        return Arbitraries.frequencyOf(Tuple.of(9, fitting), Tuple.of(1, hostile()));
    }

    // --- ids ---

    private static List<Target> targetsOf(IdKind kind) {
        return Arrays.stream(Target.values()).filter(t -> t.name().startsWith(switch (kind) {
            case USER -> "USER";
            case TWEET -> "TWEET";
            case COMMENT -> "COMMENT";
            case STORY -> "STORY";
            case MESSAGE -> "MESSAGE";
            default -> "NONEXISTENT";
        }) || t == Target.NONEXISTENT).toList();
    }

    static Arbitrary<Arg> id(IdKind kind) {
        Arbitrary<Arg> fitting = idOf(Arbitraries.of(targetsOf(kind)));
        Arbitrary<Arg> otherKind = idOf(Arbitraries.of(Target.values()));
        Arbitrary<Arg> bent = Combinators.combine(Arbitraries.of(targetsOf(kind)), Arbitraries.integers().between(0, 999),
                Arbitraries.of("pad", "short", "long", "prefix", "fullwidth", "newline", "nonhex")).as(Arg.BentId::new);
        Arbitrary<Arg> operator = Combinators.combine(Arbitraries.of("$ne", "$gt", "$in", "$oid", "_id", "$where",
                "$regex", "$exists", "$nin"), fitting).as(FuzzArbitraries::operator);
        return Arbitraries.frequencyOf(Tuple.of(14, fitting), Tuple.of(2, otherKind), Tuple.of(1, bent), Tuple.of(1, operator));
    }

    private static Arbitrary<Arg> idOf(Arbitrary<Target> targets) {
        return Combinators.combine(targets, Arbitraries.integers().between(0, 999),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true))).as(Arg.Id::new);
    }

    /** An object such as {@code {"$ne": null}} or {@code {"$in": [id]}} where an id belongs. */
    private static Arg operator(String op, Arg id) {
        Arg inner = switch (op) {
            case "$ne" -> new Arg.Json(NODES.nullNode());
            case "$gt" -> new Arg.Json(NODES.textNode(""));
            case "$in", "$nin" -> new Arg.Arr(List.of(id));
            case "$where" -> new Arg.Json(NODES.textNode("sleep(100) || true"));
            case "$regex" -> new Arg.Json(NODES.textNode(".*"));
            case "$exists" -> new Arg.Json(NODES.booleanNode(true));
            default -> id;
        };
        return new Arg.Obj(List.of(Map.entry(op, inner)));
    }

    /** story/photo/get's arguments naming a story and its own owner. */
    private static Arbitrary<List<Arg>> storyWithOwner() {
        return Combinators.combine(Arbitraries.of(targetsOf(IdKind.STORY)), Arbitraries.integers().between(0, 999))
                .as((target, pick) -> List.of(new Arg.OwnerOf(target, pick), new Arg.Id(target, pick, false)));
    }

    private static Arbitrary<Arg> idList() {
        Arbitrary<Arg> few = id(IdKind.USER).list().ofMaxSize(6).map(Arg.Arr::new);
        Arbitrary<Arg> many = Arbitraries.integers().between(990, 1010)
                .map(n -> new Arg.Arr(java.util.Collections.nCopies(n, new Arg.Id(Target.USER_ANY, n, false))));
        Arbitrary<Arg> mixed = Arbitraries.frequencyOf(Tuple.of(3, id(IdKind.USER)), Tuple.of(1, hostile()))
                .list().ofMinSize(1).ofMaxSize(4).map(Arg.Arr::new);
        return Arbitraries.frequencyOf(Tuple.of(6, few), Tuple.of(1, many), Tuple.of(2, mixed));
    }

    // --- numbers, texts, images ---

    private static Arbitrary<Arg> page() {
        Arbitrary<Arg> small = Arbitraries.integers().between(1, 4).map(n -> json(NODES.numberNode(n)));
        Arbitrary<Arg> edges = Arbitraries.of("0", "-1", "1.0", "1.5", "-0.0", "1000000", "1000001", "2147483648",
                "9223372036854775807", "1e300", "\"1\"", "\"2\"", "[1]", "{\"$gt\": 0}", "null", "true")
                .map(s -> json(parse(s)));
        return Arbitraries.frequencyOf(Tuple.of(4, small), Tuple.of(2, edges));
    }

    static Arbitrary<Arg> text(int min, int max) {
        Arbitrary<String> tricky = Arbitraries.of(TRICKY).list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> plain = Arbitraries.strings().ofMinLength(Math.max(min, 1)).ofMaxLength(Math.min(max, 300))
                .map(FuzzArbitraries::sendable);
        Arbitrary<String> edges = Arbitraries.of(max - 1, max, max + 1, 0).map(n -> "x".repeat(Math.max(n, 0)));
        Arbitrary<String> padded = Arbitraries.of(max, max + 1).map(n -> "  \n" + "y".repeat(n) + "\t ");
        Arbitrary<String> emoji = Arbitraries.of(max, max + 1).map(n -> "😀".repeat(n));
        Arbitrary<String> blank = Arbitraries.of("", " ", "\n\t ", "\u3000\u00a0", "\u200b");
        Arbitrary<String> any = Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(4, tricky), Tuple.of(1, edges),
                Tuple.of(1, padded), Tuple.of(1, emoji), Tuple.of(1, blank));
        return any.map(s -> json(NODES.textNode(s)));
    }

    private static Arbitrary<Arg> image() {
        Arbitrary<Arg> small = Arbitraries.integers().between(1, 600).map(n -> base64(n, n));
        Arbitrary<Arg> edges = Arbitraries.of(FuzzWorld.MAX_IMAGE_BYTES, FuzzWorld.MAX_IMAGE_BYTES + 1,
                FuzzWorld.MAX_IMAGE_BYTES + 3).map(n -> base64(n, n));
        Arbitrary<Arg> invalid = Arbitraries.of(INVALID_BASE64).map(s -> json(NODES.textNode(s)));
        return Arbitraries.frequencyOf(Tuple.of(5, small), Tuple.of(1, edges), Tuple.of(2, invalid),
                Tuple.of(1, Arbitraries.just(json(NODES.textNode("")))));
    }

    private static Arg base64(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        return json(NODES.textNode(Base64.getEncoder().encodeToString(data)));
    }

    // --- objects ---

    /** message/new's {@code { to, context: { text?, image? }, reply_to? }}, with server-owned and odd extras. */
    private static Arbitrary<Arg> messageData() {
        Arbitrary<Map.Entry<String, Arg>> to = id(IdKind.USER).map(a -> Map.entry("to", a));
        Arbitrary<Map.Entry<String, Arg>> context = messageContext().map(a -> Map.entry("context", a));
        Arbitrary<Map.Entry<String, Arg>> replyTo = id(IdKind.MESSAGE).map(a -> Map.entry("reply_to", a));
        return Combinators.combine(to, context, optional(replyTo, 1), serverOwnedExtras(IdKind.MESSAGE))
                .as((t, c, r, extras) -> {
                    List<Map.Entry<String, Arg>> fields = new ArrayList<>(List.of(t, c));
                    fields.addAll(r);
                    fields.addAll(extras);
                    return new Arg.Obj(fields);
                });
    }

    private static Arbitrary<Arg> messageContext() {
        Arbitrary<Map.Entry<String, Arg>> text = Arbitraries.frequencyOf(
                Tuple.of(5, text(0, EventCatalog.MESSAGE_TEXT_MAX)), Tuple.of(1, hostile())).map(a -> Map.entry("text", a));
        Arbitrary<Map.Entry<String, Arg>> image = image().map(a -> Map.entry("image", a));
        Arbitrary<Map.Entry<String, Arg>> odd = Arbitraries.of("$where", "$set", "video", "a.b", "_id")
                .map(k -> Map.entry(k, json(NODES.textNode("x"))));
        Arbitrary<Arg> object = Combinators.combine(optional(text, 4), optional(image, 2), optional(odd, 1))
                .as((t, i, o) -> {
                    List<Map.Entry<String, Arg>> fields = new ArrayList<>(t);
                    fields.addAll(i);
                    fields.addAll(o);
                    return new Arg.Obj(fields);
                });
        return Arbitraries.frequencyOf(Tuple.of(6, object), Tuple.of(1, hostile()));
    }

    /** tweet/add's object form, with fields the server owns (owner, likes, sent_at, removed, comments, _id). */
    private static Arbitrary<Arg> tweetObject(String field, int min, int max) {
        return Combinators.combine(text(min, max), serverOwnedExtras(IdKind.TWEET))
                .as((t, extras) -> {
                    List<Map.Entry<String, Arg>> fields = new ArrayList<>(List.of(Map.entry(field, t)));
                    fields.addAll(extras);
                    return new Arg.Obj(fields);
                });
    }

    private static Arbitrary<List<Map.Entry<String, Arg>>> serverOwnedExtras(IdKind kind) {
        Arbitrary<Map.Entry<String, Arg>> extra = Arbitraries.oneOf(
                id(IdKind.USER).map(a -> Map.entry("from", a)),
                id(IdKind.USER).map(a -> Map.entry("owner", a)),
                id(kind).map(a -> Map.entry("_id", a)),
                Arbitraries.just(Map.entry("sent_at", json(NODES.textNode("2001-01-01T00:00:00.000Z")))),
                Arbitraries.just(Map.entry("seen_at", json(parse("{\"$date\": \"2001-01-01T00:00:00Z\"}")))),
                id(IdKind.USER).list().ofMaxSize(3).map(l -> Map.entry("likes", (Arg) new Arg.Arr(l))),
                Arbitraries.just(Map.entry("removed", json(NODES.booleanNode(true)))),
                Arbitraries.just(Map.entry("comments", json(parse("[{\"context\": \"planted\"}]")))),
                Arbitraries.just(Map.entry("$set", json(parse("{\"removed\": true}")))),
                Arbitraries.just(Map.entry("a.b", json(NODES.numberNode(1)))));
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of())),
                Tuple.of(2, extra.list().ofMinSize(1).ofMaxSize(4).uniqueElements(Map.Entry::getKey)));
    }

    private static Arbitrary<List<Map.Entry<String, Arg>>> optional(Arbitrary<Map.Entry<String, Arg>> field, int weight) {
        return Arbitraries.frequencyOf(Tuple.of(weight, field.map(List::of)), Tuple.of(1, Arbitraries.just(List.of())));
    }

    // --- anything at all ---

    /** A value of any type where one type is expected. */
    static Arbitrary<Arg> hostile() {
        Arbitrary<JsonNode> scalars = Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e308", "-9223372036854775808",
                "18446744073709551616", "\"\"", "\" \"", "\"null\"", "\"undefined\"", "[]", "{}", "[null]", "{\"$ne\": null}",
                "{\"$gt\": \"\"}", "{\"$where\": \"sleep(5000)\"}", "{\"$regex\": \".*\"}", "{\"__proto__\": {\"admin\": true}}",
                "{\"constructor\": {\"prototype\": {}}}", "{\"toString\": 1}").map(FuzzArbitraries::parse);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode));
        Arbitrary<JsonNode> strings = Arbitraries.of(TRICKY).list().ofMaxSize(30).map(l -> NODES.textNode(String.join("", l)));
        Arbitrary<JsonNode> deep = Arbitraries.integers().between(2, 400).map(FuzzArbitraries::deep);
        Arbitrary<JsonNode> huge = Arbitraries.integers().between(10_000, 150_000).map(n -> NODES.textNode("h".repeat(n)));
        Arbitrary<JsonNode> wide = Arbitraries.integers().between(100, 5_000).map(FuzzArbitraries::wide);
        Arbitrary<JsonNode> many = Arbitraries.integers().between(100, 2_000).map(FuzzArbitraries::manyKeys);
        return Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(2, numbers), Tuple.of(3, strings), Tuple.of(1, deep),
                Tuple.of(1, huge), Tuple.of(1, wide), Tuple.of(1, many)).map(FuzzArbitraries::json);
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            if (i % 2 == 0) {
                node = NODES.arrayNode().add(node);
            } else {
                ObjectNode o = NODES.objectNode();
                o.set("$ne", node);
                node = o;
            }
        }
        return node;
    }

    private static JsonNode wide(int n) {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            a.add(i);
        }
        return a;
    }

    private static JsonNode manyKeys(int n) {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < n; i++) {
            o.put((i % 3 == 0 ? "$k" : "k") + i, i);
        }
        return o;
    }

    /** The text as it arrives: unpaired surrogates become '?' on the way, as the client's encoder makes them. */
    private static String sendable(String text) {
        return new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Arg json(JsonNode node) {
        return new Arg.Json(node);
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
