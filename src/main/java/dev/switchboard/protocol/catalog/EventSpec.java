package dev.switchboard.protocol.catalog;

import java.util.List;

/**
 * One event of the wire contract.
 *
 * @param group        the first path segment (message, story, tweet, user, admin)
 * @param namespace    {@code "/"} or {@code "/admin"}
 * @param args         positional arguments (listeners only)
 * @param resultFields fields of the success reply besides {@code status}, or of the push payload
 * @param pushes       emits this listener causes, by name
 * @param audience     for an emit: who receives it
 */
public record EventSpec(
        String name,
        String group,
        Direction direction,
        String namespace,
        List<ArgSpec> args,
        List<String> resultFields,
        List<String> pushes,
        String audience,
        String description) {

    public EventSpec {
        args = List.copyOf(args);
        resultFields = List.copyOf(resultFields);
        pushes = List.copyOf(pushes);
    }

    public boolean isListener() {
        return direction == Direction.LISTENER;
    }

    /** How many arguments a client must send at least. */
    public int requiredArgs() {
        int n = 0;
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).optional()) {
                n = i + 1;
            }
        }
        return n;
    }
}
