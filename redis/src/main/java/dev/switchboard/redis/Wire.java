package dev.switchboard.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.switchboard.engine.BroadcastOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The bytes that travel between nodes: a JSON tree written as CBOR, so binary arguments
 * ({@code BinaryNode}) stay bytes instead of needing markers inside the JSON.
 */
final class Wire {

    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Wire() {
    }

    static byte[] encode(JsonNode message) {
        try {
            return CBOR.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode decode(byte[] bytes) throws IOException {
        JsonNode node = CBOR.readTree(bytes);
        if (!(node instanceof ObjectNode object)) {
            throw new IOException("not a message object");
        }
        return object;
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }

    static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static ObjectNode options(BroadcastOptions options) {
        ObjectNode node = NODES.objectNode();
        node.set("rooms", strings(options.rooms()));
        node.set("except", strings(options.except()));
        return node;
    }

    /** The options as the receiving node applies them: to its own sockets only. */
    static BroadcastOptions localOptions(JsonNode node) {
        return new BroadcastOptions(strings(node.path("rooms")), strings(node.path("except")), true);
    }
}
