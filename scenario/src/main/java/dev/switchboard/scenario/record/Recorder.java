package dev.switchboard.scenario.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.protocol.catalog.Direction;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.scenario.model.Actor;
import dev.switchboard.scenario.model.Fixture;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.Step;
import dev.switchboard.scenario.run.RunFrame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a user did across the console's connections into a scenario that replays green:
 * connections become actors (one per user and namespace; several sockets of one user become
 * {@code sockets: n}), emits become {@code emit} steps whose {@code expect} keeps the ack's status and
 * stable fields, pushes become {@code expectPush} on the actor that got them. Values the run makes
 * anew are not written literally: an id created during the recording is captured where it first
 * appears and referred to as {@code ${name}} afterwards (or matched by {@code $type} inside arrays), a
 * fresh date becomes {@code {"$type": "date"}}, an actor's user id becomes {@code ${actor.id}}, arrays
 * become {@code $contains} (other runs may add elements), and the pushes every connection gets on
 * connect are expected without comparing their contents.
 */
public final class Recorder {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values that differ on every run whatever the data: matched by their type. */
    private static final Set<String> VOLATILE_KEYS = Set.of("socketId", "duration_ms", "uptime_s", "online",
            "last_seen", "connected_at", "address", "node", "p50_ms", "p99_ms", "users_online", "connections");
    private static final long FRESH_SLACK_SECONDS = 120;

    private final long startSeconds;
    private final Map<String, RecordedConnection> connections = new LinkedHashMap<>();
    private final List<RecordedFrame> frames = new ArrayList<>();

    /** @param startedAt when recording began: ids and dates from then on are the run's own */
    public Recorder(Instant startedAt) {
        this.startSeconds = startedAt.getEpochSecond() - FRESH_SLACK_SECONDS;
    }

    public void connection(RecordedConnection c) {
        connections.putIfAbsent(c.id(), c);
    }

    public void frame(RecordedFrame f) {
        frames.add(f);
    }

    public static Set<String> connectPushes() {
        Set<String> names = new HashSet<>();
        EventCatalog.all().stream().filter(e -> e.direction() == Direction.EMIT)
                .filter(e -> e.audience() != null && e.audience().contains("connecting socket"))
                .forEach(e -> names.add(e.name()));
        return names;
    }

    public Scenario scenario(String name, Fixture fixture) {
        return new Build().run(name, fixture);
    }

    /** One conversion: actors, captures and steps filled in frame order. */
    private final class Build {
        final Map<String, String> actorOfConnection = new HashMap<>();
        final Map<String, ActorDraft> actors = new LinkedHashMap<>();
        final Map<String, String> captureOfValue = new HashMap<>();
        final Set<String> captureNames = new HashSet<>();
        final Map<String, String> actorOfUser = new HashMap<>();
        final List<Step> steps = new ArrayList<>();
        final Set<String> connectPushes = connectPushes();
        final Set<String> pushesSeen = new HashSet<>();
        final Set<String> connectedActors = new HashSet<>();

        Scenario run(String name, Fixture fixture) {
            // first the steps in replay order with the raw values, then the values made stable in that
            // order, so a capture is always defined by the earliest step that sees the value (a push may
            // arrive before the ack that names the same new id)
            List<Draft> drafts = new ArrayList<>();
            Map<Long, Draft> emitsBySeq = new HashMap<>();
            for (RecordedFrame f : frames) {
                RecordedConnection c = connections.get(f.connectionId());
                if (c == null) {
                    continue;
                }
                String actor = actorFor(c);
                switch (f.kind()) {
                    case CONNECT -> {
                        if (connectedActors.add(actor)) {
                            drafts.add(new Draft(new Step.Connect(actor, null)));
                        }
                    }
                    case CONNECT_ERROR -> {
                        if (connectedActors.add(actor)) {
                            drafts.add(new Draft(new Step.Connect(actor, middlewareOf(f.payload()))));
                        }
                    }
                    case DISCONNECT -> {
                        if (connectedActors.remove(actor)) {
                            drafts.add(new Draft(new Step.Disconnect(actor)));
                        }
                    }
                    case EMIT -> {
                        Draft d = new Draft(f, actor);
                        emitsBySeq.put(f.seq(), d);
                        drafts.add(d);
                    }
                    case ACK -> {
                        Draft d = emitsBySeq.get(f.requestSeq());
                        if (d != null) {
                            d.ack = f;
                        }
                    }
                    case PUSH -> {
                        // another socket of the same actor getting the same push: one step expects it on every socket
                        if (pushesSeen.add(actor + " " + f.event() + " " + f.payload())) {
                            drafts.add(new Draft(f, actor));
                        }
                    }
                    default -> { }
                }
            }
            for (Draft d : drafts) {
                Step step = d.done != null ? d.done : d.frame.kind() == RunFrame.Kind.EMIT ? emit(d) : push(d);
                if (step != null) {
                    steps.add(step);
                }
            }
            Map<String, Actor> out = new LinkedHashMap<>();
            actors.forEach((n, d) -> out.put(n, d.toActor(n)));
            return new Scenario(name, fixture, out, steps);
        }

        /** An emit and its ack; null when the console could not send it (not connected). */
        Step emit(Draft d) {
            RecordedFrame f = d.frame;
            if (d.ack != null && "not connected".equals(d.ack.status())) {
                return null;
            }
            JsonNode raw = f.payload() == null ? NODES.arrayNode()
                    : f.payload().isArray() ? f.payload() : NODES.arrayNode().add(f.payload());
            ArrayNode args = (ArrayNode) stable(raw, "", null, false);
            if (d.ack == null || "timeout".equals(d.ack.status()) || d.ack.payload() == null) {
                return new Step.Emit(f.event(), d.actor, args, null, Map.of(), Step.DEFAULT_ACK_WITHIN_MS);
            }
            Map<String, String> capture = new LinkedHashMap<>();
            JsonNode expect = expectation(d.ack.payload(), capture);
            return new Step.Emit(f.event(), d.actor, args, expect, capture, Step.DEFAULT_ACK_WITHIN_MS);
        }

        JsonNode expectation(JsonNode ack, Map<String, String> capture) {
            if (!ack.isObject()) {
                return stable(ack, "", capture, true);
            }
            String status = ack.path("status").asText("");
            if (!status.isEmpty() && !"ok".equals(status)) {
                // a refusal: its status, and that it says why (the wording may change)
                ObjectNode e = NODES.objectNode().put("status", status);
                if (ack.has("error")) {
                    e.set("error", NODES.objectNode().put("$type", "string"));
                }
                return e;
            }
            return stable(ack, "", capture, true);
        }

        Step push(Draft d) {
            RecordedFrame f = d.frame;
            if (connectPushes.contains(f.event())) {
                return new Step.ExpectPush(f.event(), d.actor, null, Map.of(), Step.DEFAULT_WITHIN_MS);
            }
            Map<String, String> capture = new LinkedHashMap<>();
            JsonNode match = f.payload() == null ? null : stable(f.payload(), "", capture, true);
            return new Step.ExpectPush(f.event(), d.actor, match, capture, Step.DEFAULT_WITHIN_MS);
        }

        /**
         * The value with run-specific parts replaced. With {@code capture} non-null, new ids not seen
         * before are captured at their path instead of being referred to; {@code path} is null inside
         * arrays, where nothing is captured (an element's index may differ next time).
         */
        JsonNode stable(JsonNode value, String path, Map<String, String> capture, boolean loose) {
            if (value == null) {
                return null;
            }
            if (value.isObject()) {
                ObjectNode out = NODES.objectNode();
                value.fields().forEachRemaining(e -> {
                    String child = path == null ? null : path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    if (loose && VOLATILE_KEYS.contains(e.getKey())) {
                        out.set(e.getKey(), typeOf(e.getValue()));
                    } else {
                        out.set(e.getKey(), stable(e.getValue(), child, capture, loose));
                    }
                });
                return out;
            }
            if (value.isArray()) {
                ArrayNode elements = NODES.arrayNode();
                // inside arrays nothing is captured (its index may differ next time); new ids match by type
                value.forEach(v -> elements.add(stable(v, null, capture, loose)));
                if (!loose) {
                    return elements;
                }
                return elements.isEmpty() ? NODES.objectNode().put("$type", "array")
                        : NODES.objectNode().set("$contains", elements);
            }
            if (value.isTextual()) {
                return text(value.asText(), path, capture, loose);
            }
            return value;
        }

        JsonNode text(String text, String path, Map<String, String> capture, boolean loose) {
            String actor = actorOfUser.get(text);
            if (actor != null) {
                return TextNode.valueOf("${" + actor + ".id}");
            }
            String known = captureOfValue.get(text);
            if (known != null) {
                return TextNode.valueOf("${" + known + "}");
            }
            if (isFreshId(text)) {
                if (capture != null && path != null) {
                    String name = captureName(path);
                    capture.put(name, path);
                    captureOfValue.put(text, name);
                    return NODES.objectNode().put("$type", "id");
                }
                return loose ? NODES.objectNode().put("$type", "id") : TextNode.valueOf(text);
            }
            if (loose && isFreshDate(text)) {
                return NODES.objectNode().put("$type", "date");
            }
            return TextNode.valueOf(text);
        }

        String captureName(String path) {
            String[] parts = path.split("\\.");
            String base = parts.length >= 2 && parts[parts.length - 1].equals("_id") ? parts[parts.length - 2]
                    : parts[parts.length - 1].replace("_id", "").replaceAll("Id$", "");
            base = base.replaceAll("[^A-Za-z0-9]", "");
            if (base.isEmpty()) {
                base = "id";
            }
            String name = base;
            for (int i = 2; !captureNames.add(name); i++) {
                name = base + i;
            }
            return name;
        }

        boolean isFreshId(String text) {
            if (!OBJECT_ID.matcher(text).matches()) {
                return false;
            }
            long seconds = Long.parseLong(text.substring(0, 8), 16);
            return seconds >= startSeconds;
        }

        boolean isFreshDate(String text) {
            if (text.length() < 20 || !Character.isDigit(text.charAt(0))) {
                return false;
            }
            try {
                return Instant.parse(text).getEpochSecond() >= startSeconds;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        String actorFor(RecordedConnection c) {
            String existing = actorOfConnection.get(c.id());
            if (existing != null) {
                return existing;
            }
            String identity = (c.userId() != null ? "user:" + c.userId() : "token:" + c.token()) + " " + c.namespace()
                    + " " + c.transport();
            for (Map.Entry<String, ActorDraft> e : actors.entrySet()) {
                if (e.getValue().identity.equals(identity)) {
                    e.getValue().sockets++;
                    actorOfConnection.put(c.id(), e.getKey());
                    return e.getKey();
                }
            }
            String base = c.label() == null ? "user" : c.label().replaceAll("[^A-Za-z0-9_]", "");
            if (base.isEmpty()) {
                base = "user";
            }
            String name = base;
            for (int i = 2; actors.containsKey(name); i++) {
                name = base + i;
            }
            actors.put(name, new ActorDraft(identity, c));
            actorOfConnection.put(c.id(), name);
            if (c.userId() != null && !"/admin".equals(c.namespace())) {
                actorOfUser.putIfAbsent(c.userId(), name);
            }
            return name;
        }
    }

    /** {@code {"$type": …}} of a value, for values that differ on every run. */
    static JsonNode typeOf(JsonNode v) {
        String type = v == null || v.isNull() ? "null" : v.isTextual() ? "string" : v.isBoolean() ? "boolean"
                : v.isIntegralNumber() ? "integer" : v.isNumber() ? "number" : v.isArray() ? "array" : "object";
        // null and present-but-unknown both pass $any, so a last_seen that is null now and a date later still matches
        return "null".equals(type) || "string".equals(type) ? NODES.objectNode().put("$any", true)
                : NODES.objectNode().put("$type", type);
    }

    /** A step in the making: done already (connect, disconnect), or an emit (with its ack) or a push. */
    private static final class Draft {
        final Step done;
        final RecordedFrame frame;
        final String actor;
        RecordedFrame ack;

        Draft(Step done) {
            this.done = done;
            this.frame = null;
            this.actor = null;
        }

        Draft(RecordedFrame frame, String actor) {
            this.done = null;
            this.frame = frame;
            this.actor = actor;
        }
    }

    /** "rejected: authentication: token expired" → "authentication" (the middleware that refused). */
    static String middlewareOf(JsonNode payload) {
        String message = payload == null ? "" : payload.path("message").asText("");
        message = message.replaceFirst("^rejected: ", "");
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon).trim() : message.trim();
    }

    /** What an actor will be: the user it signs for (with the token's extra claims), or the token as is. */
    private static final class ActorDraft {
        final String identity;
        final RecordedConnection first;
        int sockets = 1;

        ActorDraft(String identity, RecordedConnection first) {
            this.identity = identity;
            this.first = first;
        }

        Actor toActor(String name) {
            Map<String, Object> claims = extraClaims(first.token());
            boolean signable = first.userId() != null && claims != null;
            return new Actor(name, signable ? first.userId() : null, signable ? null : first.token(), null, sockets,
                    first.namespace(), first.transport(), signable ? claims : Map.of());
        }

        /**
         * The token's claims besides user_id and the dates, or null when the token is not one the runner
         * could sign again the same way (expired, unsigned, malformed): those are replayed as they are.
         */
        static Map<String, Object> extraClaims(String token) {
            if (token == null) {
                return null;
            }
            String[] parts = token.split("\\.");
            if (parts.length != 3 || parts[2].isEmpty()) {
                return null;
            }
            try {
                JsonNode header = dev.switchboard.scenario.model.ScenarioReader.JSON.readTree(
                        new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
                JsonNode payload = dev.switchboard.scenario.model.ScenarioReader.JSON.readTree(
                        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                if (!"HS256".equals(header.path("alg").asText()) || (payload.has("exp")
                        && payload.get("exp").asLong() < Instant.now().getEpochSecond())) {
                    return null;
                }
                Map<String, Object> claims = new LinkedHashMap<>();
                payload.fields().forEachRemaining(e -> {
                    if (!Set.of("user_id", "iat", "exp", "nbf").contains(e.getKey())) {
                        claims.put(e.getKey(), dev.switchboard.scenario.model.ScenarioReader.JSON
                                .convertValue(e.getValue(), Object.class));
                    }
                });
                return claims;
            } catch (IllegalArgumentException | java.io.IOException e) {
                return null;
            }
        }
    }
}
