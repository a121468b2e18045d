package dev.switchboard.scenario.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario from JSON or YAML and checks it whole: every problem is reported at once, each with
 * where it is ({@code steps[3] (emit): 'as' names no actor: bob}).
 */
public final class ScenarioReader {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Set<String> STEP_KINDS = Set.of("connect", "emit", "expectPush", "expectNoPush", "wait",
            "disconnect");
    private static final Set<String> TRANSPORTS = Set.of("websocket", "polling", "both");

    private final List<String> problems = new ArrayList<>();

    private ScenarioReader() {
    }

    public static Scenario read(Path file) throws IOException, ScenarioFormatException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return parse(text, file.toString(), name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** Parses text; {@code yaml} false means JSON. */
    public static Scenario parse(String text, String source, boolean yaml) throws ScenarioFormatException {
        JsonNode root;
        try {
            root = (yaml ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioFormatException(source, List.of("not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage() + locationOf(e)));
        }
        return fromTree(root, source);
    }

    public static Scenario fromTree(JsonNode root, String source) throws ScenarioFormatException {
        ScenarioReader reader = new ScenarioReader();
        Scenario scenario = reader.scenario(root, source);
        if (!reader.problems.isEmpty()) {
            throw new ScenarioFormatException(source, reader.problems);
        }
        return scenario;
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private Scenario scenario(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            problems.add("the file must hold one object with name, actors and steps");
            return null;
        }
        unknownKeys(root, "", Set.of("name", "description", "fixture", "actors", "steps"));
        String name = root.path("name").asText(Path.of(source).getFileName().toString());
        Fixture fixture = fixture(root.get("fixture"));
        Map<String, Actor> actors = actors(root.get("actors"));
        List<Step> steps = steps(root.get("steps"), actors);
        return new Scenario(name, fixture, actors, steps);
    }

    private Fixture fixture(JsonNode node) {
        if (node == null || node.isNull() || "none".equals(node.asText())) {
            return Fixture.NONE;
        }
        if ("documented".equals(node.asText())) {
            return new Fixture.Documented();
        }
        JsonNode generated = node.get("generated");
        if (node.isObject() && generated != null && generated.isObject()) {
            int users = generated.path("users").asInt(0);
            long seed = generated.path("seed").asLong(0);
            int density = generated.path("density").asInt(10);
            if (users < 2) {
                problems.add("fixture.generated.users must be a number from 2");
            }
            if (seed < 0 || density < 0) {
                problems.add("fixture.generated: seed and density must not be negative");
            }
            return new Fixture.Generated(Math.max(users, 2), Math.max(seed, 0), Math.max(density, 0));
        }
        problems.add("fixture must be \"none\", \"documented\" or {\"generated\": {\"users\": N, \"seed\": S}}, not "
                + node);
        return Fixture.NONE;
    }

    private Map<String, Actor> actors(JsonNode node) {
        Map<String, Actor> actors = new LinkedHashMap<>();
        if (node == null || !node.isObject() || node.isEmpty()) {
            problems.add("actors must be an object naming at least one actor");
            return actors;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            actors.put(e.getKey(), actor(e.getKey(), e.getValue()));
        }
        return actors;
    }

    private Actor actor(String name, JsonNode node) {
        String where = "actors." + name;
        if (!node.isObject()) {
            problems.add(where + " must be an object such as {\"user\": \"<id>\"}");
            return Actor.user(name, null);
        }
        unknownKeys(node, where, Set.of("user", "token", "pick", "sockets", "namespace", "transport", "claims"));
        String user = text(node, "user");
        String token = node.has("token") ? node.get("token").asText() : null;
        String pick = text(node, "pick");
        int given = (user != null ? 1 : 0) + (token != null ? 1 : 0) + (pick != null ? 1 : 0);
        if (given != 1) {
            problems.add(where + " needs exactly one of user, token, pick");
        }
        if (user != null && !user.matches("[0-9a-fA-F]{24}") && !user.contains("${")) {
            problems.add(where + ".user must be a 24-hex-digit id, not \"" + user + "\"");
        }
        if (pick != null && !Actor.PICK_ANY.equals(pick)) {
            problems.add(where + ".pick must be \"any\"");
        }
        int sockets = node.path("sockets").asInt(1);
        if (sockets < 1 || sockets > 10) {
            problems.add(where + ".sockets must be from 1 to 10");
        }
        String namespace = text(node, "namespace");
        if (namespace != null && !namespace.startsWith("/")) {
            problems.add(where + ".namespace must start with /");
        }
        String transport = text(node, "transport");
        if (transport != null && !TRANSPORTS.contains(transport)) {
            problems.add(where + ".transport must be websocket, polling or both");
        }
        Map<String, Object> claims = node.has("claims") && node.get("claims").isObject()
                ? JSON.convertValue(node.get("claims"), JSON.getTypeFactory().constructMapType(Map.class,
                String.class, Object.class))
                : Map.of();
        return new Actor(name, user, token, pick, Math.max(1, sockets), namespace, transport, claims);
    }

    private List<Step> steps(JsonNode node, Map<String, Actor> actors) {
        List<Step> steps = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("steps must be a list with at least one step");
            return steps;
        }
        for (int i = 0; i < node.size(); i++) {
            Step step = step(node.get(i), "steps[" + i + "]", actors);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step step(JsonNode node, String where, Map<String, Actor> actors) {
        if (!node.isObject()) {
            problems.add(where + " must be an object such as {\"connect\": \"john\"}");
            return null;
        }
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (STEP_KINDS.contains(f)) {
                kinds.add(f);
            }
        });
        if (kinds.size() != 1) {
            problems.add(where + " must have exactly one of " + String.join(", ", STEP_KINDS.stream().sorted().toList())
                    + (kinds.isEmpty() ? "" : ", not " + kinds));
            return null;
        }
        String kind = kinds.get(0);
        where = where + " (" + kind + ")";
        return switch (kind) {
            case "connect" -> {
                unknownKeys(node, where, Set.of("connect", "expectError"));
                yield new Step.Connect(actor(node, "connect", where, actors), text(node, "expectError"));
            }
            case "disconnect" -> {
                unknownKeys(node, where, Set.of("disconnect"));
                yield new Step.Disconnect(actor(node, "disconnect", where, actors));
            }
            case "wait" -> {
                unknownKeys(node, where, Set.of("wait"));
                yield new Step.Wait(millis(node, "wait", where, 0));
            }
            case "emit" -> {
                unknownKeys(node, where, Set.of("emit", "as", "args", "expect", "capture", "within"));
                JsonNode args = node.get("args");
                ArrayNode list;
                if (args == null || args.isNull()) {
                    list = JsonNodeFactory.instance.arrayNode();
                } else if (args.isArray()) {
                    list = (ArrayNode) args;
                } else {
                    problems.add(where + ": args must be a list (the event's positional arguments)");
                    list = JsonNodeFactory.instance.arrayNode();
                }
                yield new Step.Emit(eventName(node, "emit", where), actor(node, "as", where, actors), list,
                        node.get("expect"), capture(node, where), millis(node, "within", where,
                        Step.DEFAULT_ACK_WITHIN_MS));
            }
            case "expectPush" -> {
                unknownKeys(node, where, Set.of("expectPush", "on", "match", "capture", "within"));
                yield new Step.ExpectPush(eventName(node, "expectPush", where), actor(node, "on", where, actors),
                        node.get("match"), capture(node, where), millis(node, "within", where, Step.DEFAULT_WITHIN_MS));
            }
            case "expectNoPush" -> {
                unknownKeys(node, where, Set.of("expectNoPush", "on", "within"));
                yield new Step.ExpectNoPush(eventName(node, "expectNoPush", where), actor(node, "on", where, actors),
                        millis(node, "within", where, Step.DEFAULT_WITHIN_MS));
            }
            default -> throw new IllegalStateException(kind);
        };
    }

    private String actor(JsonNode node, String key, String where, Map<String, Actor> actors) {
        String name = text(node, key);
        if (name == null) {
            problems.add(where + ": '" + key + "' must name an actor");
        } else if (!actors.isEmpty() && !actors.containsKey(name)) {
            problems.add(where + ": '" + key + "' names no actor: " + name + " (actors: "
                    + String.join(", ", actors.keySet()) + ")");
        }
        return name;
    }

    private String eventName(JsonNode node, String key, String where) {
        String event = text(node, key);
        if (event == null || event.isBlank()) {
            problems.add(where + ": '" + key + "' must be an event name");
        }
        return event;
    }

    private long millis(JsonNode node, String key, String where, long fallback) {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > 600_000) {
            problems.add(where + ": '" + key + "' must be milliseconds from 0 to 600000, not " + value);
            return fallback;
        }
        return value.asLong();
    }

    private Map<String, String> capture(JsonNode node, String where) {
        JsonNode capture = node.get("capture");
        if (capture == null) {
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (!capture.isObject()) {
            problems.add(where + ": capture must map names to dotted paths, e.g. {\"msg\": \"message._id\"}");
            return names;
        }
        capture.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                problems.add(where + ": capture." + e.getKey() + " must be a dotted path");
            } else {
                names.put(e.getKey(), e.getValue().asText());
            }
        });
        return names;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private void unknownKeys(JsonNode node, String where, Set<String> known) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add((where.isEmpty() ? "" : where + ": ") + "unknown key '" + f + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }
}
