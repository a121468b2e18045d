package dev.switchboard.scenario.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Writes a scenario back in the file format {@link ScenarioReader} reads, leaving defaults out. */
public final class ScenarioWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioWriter() {
    }

    public static String toJson(Scenario scenario) {
        try {
            return ScenarioReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(scenario)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(Scenario scenario) {
        ObjectNode root = NODES.objectNode();
        root.put("name", scenario.name());
        if (scenario.fixture() instanceof Fixture.Documented) {
            root.put("fixture", "documented");
        } else if (scenario.fixture() instanceof Fixture.Generated g) {
            root.putObject("fixture").putObject("generated")
                    .put("users", g.users()).put("seed", g.seed()).put("density", g.density());
        }
        ObjectNode actors = root.putObject("actors");
        scenario.actors().values().forEach(a -> actors.set(a.name(), actor(a)));
        var steps = root.putArray("steps");
        scenario.steps().forEach(s -> steps.add(step(s)));
        return root;
    }

    private static ObjectNode actor(Actor a) {
        ObjectNode node = NODES.objectNode();
        if (a.user() != null) {
            node.put("user", a.user());
        }
        if (a.token() != null) {
            node.put("token", a.token());
        }
        if (a.pick() != null) {
            node.put("pick", a.pick());
        }
        if (a.sockets() != 1) {
            node.put("sockets", a.sockets());
        }
        if (!"/".equals(a.namespace())) {
            node.put("namespace", a.namespace());
        }
        if (!"websocket".equals(a.transport())) {
            node.put("transport", a.transport());
        }
        if (!a.claims().isEmpty()) {
            node.set("claims", ScenarioReader.JSON.valueToTree(a.claims()));
        }
        return node;
    }

    private static ObjectNode step(Step step) {
        ObjectNode node = NODES.objectNode();
        if (step instanceof Step.Connect c) {
            node.put("connect", c.actor());
            if (c.expectError() != null) {
                node.put("expectError", c.expectError());
            }
        } else if (step instanceof Step.Emit e) {
            node.put("emit", e.event()).put("as", e.as()).set("args", e.args());
            if (e.expect() != null) {
                node.set("expect", e.expect());
            }
            capture(node, e.capture());
            if (e.within() != Step.DEFAULT_ACK_WITHIN_MS) {
                node.put("within", e.within());
            }
        } else if (step instanceof Step.ExpectPush p) {
            node.put("expectPush", p.event()).put("on", p.on());
            if (p.match() != null) {
                node.set("match", p.match());
            }
            capture(node, p.capture());
            if (p.within() != Step.DEFAULT_WITHIN_MS) {
                node.put("within", p.within());
            }
        } else if (step instanceof Step.ExpectNoPush n) {
            node.put("expectNoPush", n.event()).put("on", n.on()).put("within", n.within());
        } else if (step instanceof Step.Wait w) {
            node.put("wait", w.millis());
        } else if (step instanceof Step.Disconnect d) {
            node.put("disconnect", d.actor());
        }
        return node;
    }

    private static void capture(ObjectNode node, Map<String, String> capture) {
        if (!capture.isEmpty()) {
            ObjectNode c = node.putObject("capture");
            capture.forEach(c::put);
        }
    }
}
