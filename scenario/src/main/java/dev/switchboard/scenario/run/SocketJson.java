package dev.switchboard.scenario.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.scenario.model.ScenarioReader;
import org.json.JSONArray;
import org.json.JSONObject;

/** Between Jackson trees (scenario files) and the org.json values the Java Socket.IO client speaks. */
final class SocketJson {

    private SocketJson() {
    }

    static JsonNode toTree(Object value) {
        if (value == null || value == JSONObject.NULL) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof JSONObject || value instanceof JSONArray) {
            try {
                return ScenarioReader.JSON.readTree(value.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof byte[] bytes) {
            return JsonNodeFactory.instance.binaryNode(bytes);
        }
        return ScenarioReader.JSON.valueToTree(value);
    }

    /** One argument as is; several as an array (what expectations and captures see). */
    static JsonNode toTree(Object[] args) {
        if (args.length == 1) {
            return toTree(args[0]);
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Object a : args) {
            array.add(toTree(a));
        }
        return array;
    }

    static Object toSocket(JsonNode node) {
        if (node == null || node.isNull()) {
            return JSONObject.NULL;
        }
        try {
            if (node.isObject()) {
                return new JSONObject(node.toString());
            }
            if (node.isArray()) {
                return new JSONArray(node.toString());
            }
        } catch (org.json.JSONException e) {
            throw new IllegalStateException("cannot hand " + node + " to the Socket.IO client", e);
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
        }
        return node.asDouble();
    }

    static Object[] toSocketArgs(JsonNode args) {
        Object[] out = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            out[i] = toSocket(args.get(i));
        }
        return out;
    }
}
