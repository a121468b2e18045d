package dev.switchboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A broken property, with what it takes to reproduce it. */
record Violation(String property, String event, String user, List<JsonNode> args, String reply, String expected) {

    private static final int SHOWN = 300;

    @Override
    public String toString() {
        return "VIOLATION " + property + "\n  event:    " + event + "\n  caller:   " + user + "\n  args:     "
                + shown(args) + "\n  reply:    " + reply + "\n  expected: " + expected;
    }

    /** The arguments as JSON, each long one cut with its full length noted. */
    static String shown(List<JsonNode> args) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < args.size(); i++) {
            String json = args.get(i).toString();
            out.append(i == 0 ? "" : ", ").append(json.length() > SHOWN
                    ? json.substring(0, SHOWN) + "...(" + json.length() + " chars)" : json);
        }
        return out.append("]").toString();
    }
}
