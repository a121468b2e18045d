package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The positional arguments a form produces: left-out optional arguments at the end are not sent, one
 * left out before an included one is sent as null (the contract treats both as "use the default").
 *
 * @param errors   field errors that stop the fire ("name: reason")
 * @param warnings what the server will probably refuse ("name: reason"); firing is still allowed
 */
public record PreparedArgs(List<JsonNode> args, List<String> errors, List<String> warnings) {

    public static PreparedArgs from(List<ArgInput> inputs) {
        List<JsonNode> args = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int lastIncluded = -1;
        List<ArgValue> values = inputs.stream().map(ArgInput::value).toList();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).omitted()) {
                lastIncluded = i;
            }
        }
        for (int i = 0; i <= lastIncluded; i++) {
            ArgValue v = values.get(i);
            String name = inputs.get(i).spec().name();
            if (v.error() != null) {
                errors.add(name + ": " + v.error());
            }
            if (v.warning() != null) {
                warnings.add(name + ": " + v.warning());
            }
            args.add(v.omitted() || v.node() == null ? Json.NODES.nullNode() : v.node());
        }
        return new PreparedArgs(List.copyOf(args), List.copyOf(errors), List.copyOf(warnings));
    }

    public boolean sendable() {
        return errors.isEmpty();
    }

    /** The exact arguments, as the preview shows them. */
    public String preview() {
        return Json.pretty(Json.valueOf(args));
    }
}
