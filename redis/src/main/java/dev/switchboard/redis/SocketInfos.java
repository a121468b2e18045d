package dev.switchboard.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.Handshake;
import dev.switchboard.engine.SocketInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SocketInfo} to and from the wire. Socket data values travel as JSON: strings, numbers and
 * booleans come back as themselves, anything else as its JSON tree (or its {@code toString()}).
 */
final class SocketInfos {

    private SocketInfos() {
    }

    static ArrayNode toWire(List<SocketInfo> sockets) {
        ArrayNode array = Wire.NODES.arrayNode(sockets.size());
        sockets.forEach(s -> array.add(toWire(s)));
        return array;
    }

    static ObjectNode toWire(SocketInfo s) {
        ObjectNode node = Wire.NODES.objectNode();
        node.put("id", s.id());
        node.put("nsp", s.namespace());
        node.set("rooms", Wire.strings(s.rooms()));
        node.set("handshake", handshake(s.handshake()));
        node.put("transport", s.transport());
        ObjectNode data = node.putObject("data");
        s.data().forEach((k, v) -> data.set(k, value(v)));
        node.put("node", s.node());
        return node;
    }

    static List<SocketInfo> fromWire(JsonNode array) {
        List<SocketInfo> sockets = new ArrayList<>(array.size());
        for (JsonNode s : array) {
            Map<String, Object> data = new LinkedHashMap<>();
            s.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), plain(e.getValue())));
            sockets.add(new SocketInfo(s.path("id").asText(), s.path("nsp").asText(), Wire.strings(s.path("rooms")),
                    handshake(s.path("handshake")), s.path("transport").asText(null), data, s.path("node").asText()));
        }
        return sockets;
    }

    private static ObjectNode handshake(Handshake h) {
        ObjectNode node = Wire.NODES.objectNode();
        if (h == null) {
            return node;
        }
        node.set("headers", multiMap(h.headers()));
        node.set("query", multiMap(h.query()));
        if (h.auth() != null && !h.auth().isMissingNode()) {
            node.set("auth", h.auth());
        }
        node.put("address", h.address());
        if (h.issued() != null) {
            node.put("issued", h.issued().toEpochMilli());
        }
        node.put("url", h.url());
        return node;
    }

    private static Handshake handshake(JsonNode node) {
        JsonNode issued = node.path("issued");
        return new Handshake(multiMap(node.path("headers")), multiMap(node.path("query")),
                node.has("auth") ? node.get("auth") : MissingNode.getInstance(), node.path("address").asText(null),
                issued.isNumber() ? Instant.ofEpochMilli(issued.asLong()) : null, node.path("url").asText(null));
    }

    private static ObjectNode multiMap(Map<String, List<String>> map) {
        ObjectNode node = Wire.NODES.objectNode();
        if (map != null) {
            map.forEach((k, values) -> node.set(k, Wire.strings(values)));
        }
        return node;
    }

    private static Map<String, List<String>> multiMap(JsonNode node) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), List.copyOf(Wire.strings(e.getValue()))));
        return map;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return Wire.NODES.nullNode();
        }
        if (v instanceof JsonNode json) {
            return json;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return scalar(v);
        }
        return Wire.NODES.textNode(v.toString());
    }

    private static JsonNode scalar(Object v) {
        if (v instanceof String s) {
            return Wire.NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return Wire.NODES.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Wire.NODES.numberNode(((Number) v).longValue());
        }
        return Wire.NODES.numberNode(((Number) v).doubleValue());
    }

    private static Object plain(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return v;
    }
}
