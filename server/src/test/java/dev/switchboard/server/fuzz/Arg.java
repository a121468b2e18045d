package dev.switchboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * A generated argument, kept symbolic until the call is made: ids name a {@link Target} (e.g. "a tweet
 * of someone who blocks me") and become real ids of the database state at that moment.
 */
sealed interface Arg {

    JsonNode resolve(Pools pools, ObjectId me);

    JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A fixed JSON value. */
    record Json(JsonNode value) implements Arg {
        @Override
        public JsonNode resolve(Pools pools, ObjectId me) {
            return value;
        }
    }

    /** A real id of the database, as a 24-hex-digit string ({@code upper}: in capitals, still valid). */
    record Id(Target target, int pick, boolean upper) implements Arg {
        @Override
        public JsonNode resolve(Pools pools, ObjectId me) {
            String hex = pools.resolve(target, pick, me).toHexString();
            return NODES.textNode(upper ? hex.toUpperCase() : hex);
        }
    }

    /** The owner (sender) of what {@code Id(target, pick)} names: pairs such as story/photo/get's owner and story. */
    record OwnerOf(Target target, int pick) implements Arg {
        @Override
        public JsonNode resolve(Pools pools, ObjectId me) {
            return NODES.textNode(pools.ownerOf(pools.resolve(target, pick, me)).toHexString());
        }
    }

    /** An id bent out of shape: padded, cut, lengthened, or written in other digits. */
    record BentId(Target target, int pick, String how) implements Arg {
        @Override
        public JsonNode resolve(Pools pools, ObjectId me) {
            String hex = pools.resolve(target, pick, me).toHexString();
            return NODES.textNode(switch (how) {
                case "pad" -> " " + hex + " ";
                case "short" -> hex.substring(1);
                case "long" -> hex + "0";
                case "prefix" -> "ObjectId(\"" + hex + "\")";
                case "fullwidth" -> hex.replace('0', '\uff10').replace('1', '\uff11');
                case "newline" -> hex + "\n";
                default -> hex.substring(0, 23) + "g";
            });
        }
    }

    /** An object; field order is kept. */
    record Obj(List<Map.Entry<String, Arg>> fields) implements Arg {
        @Override
        public JsonNode resolve(Pools pools, ObjectId me) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, Arg> f : fields) {
                out.set(f.getKey(), f.getValue().resolve(pools, me));
            }
            return out;
        }
    }

    record Arr(List<Arg> items) implements Arg {
        @Override
        public JsonNode resolve(Pools pools, ObjectId me) {
            ArrayNode out = NODES.arrayNode();
            items.forEach(i -> out.add(i.resolve(pools, me)));
            return out;
        }
    }
}
