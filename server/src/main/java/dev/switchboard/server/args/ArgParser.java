package dev.switchboard.server.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.reply.ReplyException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the positional arguments of a call by the catalog's {@link ArgSpec}s. */
public final class ArgParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxImageBytes;

    public ArgParser(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    public int maxImageBytes() {
        return maxImageBytes;
    }

    /**
     * Every argument of the spec, parsed in order; extra positional arguments are ignored, but, like
     * every argument, must keep within the {@link Shape} bounds.
     */
    public Args parse(EventSpec spec, List<JsonNode> sent) {
        Map<String, Object> values = new HashMap<>();
        List<ArgSpec> specs = spec.args();
        if (sent.size() > Shape.MAX_FIELDS) {
            throw ReplyException.tooLarge(spec.name() + " got " + sent.size() + " arguments; it takes " + specs.size());
        }
        for (int i = 0; i < sent.size(); i++) {
            Shape.check(sent.get(i), i < specs.size() ? specs.get(i).name() : "argument " + (i + 1));
        }
        for (int i = 0; i < specs.size(); i++) {
            ArgSpec arg = specs.get(i);
            JsonNode node = i < sent.size() ? sent.get(i) : null;
            values.put(arg.name(), parse(arg, node));
        }
        return new Args(values);
    }

    private Object parse(ArgSpec arg, JsonNode node) {
        if (Values.absent(node) && arg.defaultValue() != null) {
            node = defaultOf(arg);
        }
        String name = arg.name();
        boolean optional = arg.optional();
        return switch (arg.type()) {
            case ID -> Values.id(node, name, optional);
            case ID_LIST -> Values.ids(node, name);
            case PAGE -> Values.page(node, name);
            case TEXT -> Values.text(node, name, arg.minLength(), arg.maxLength(), optional);
            case BOOLEAN -> Values.bool(node, name, optional);
            case OBJECT -> Values.object(node, name, optional);
            case IMAGE -> Values.image(node, name, maxImageBytes, optional);
            case TEXT_OR_OBJECT -> textOrObject(arg, node);
        };
    }

    private static Object textOrObject(ArgSpec arg, JsonNode node) {
        if (node != null && node.isObject()) {
            return Values.text(node.get(arg.objectField()), arg.name() + "." + arg.objectField(),
                    arg.minLength(), arg.maxLength(), arg.optional());
        }
        if (node != null && !Values.absent(node) && !node.isTextual()) {
            throw ReplyException.invalidArgument(arg.name() + " must be a text or { " + arg.objectField()
                    + ": text }, not " + node);
        }
        return Values.text(node, arg.name(), arg.minLength(), arg.maxLength(), arg.optional());
    }

    private static JsonNode defaultOf(ArgSpec arg) {
        try {
            return JSON.readTree(arg.defaultValue());
        } catch (Exception e) {
            throw new IllegalStateException("catalog default of " + arg.name() + " is not JSON: " + arg.defaultValue(), e);
        }
    }
}
