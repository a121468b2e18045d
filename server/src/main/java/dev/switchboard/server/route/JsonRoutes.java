package dev.switchboard.server.route;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;
import dev.switchboard.engine.HttpHandler;
import dev.switchboard.server.db.SyncPoints;
import dev.switchboard.server.json.JsonOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of the routes: JSON in, JSON out. Refuses what no route should see (unknown path 404,
 * wrong method 405, not {@code application/json} 415, a body that is not one JSON object 400) and turns
 * every refusal into {@code { error, message, fields? }} with its status.
 */
public final class JsonRoutes implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRoutes.class);
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Map<String, Route> byPath = new LinkedHashMap<>();
    private final SyncPoints syncPoints;

    /** Every answer waits at {@code syncPoints} first, so the changes it reports are durable. */
    public JsonRoutes(List<Route> routes, SyncPoints syncPoints) {
        this.syncPoints = syncPoints;
        for (Route route : routes) {
            if (byPath.put(route.path(), route) != null) {
                throw new IllegalArgumentException("two routes for " + route.path());
            }
        }
    }

    public List<Route> routes() {
        return List.copyOf(byPath.values());
    }

    @Override
    public Response handle(Request request) {
        try {
            return answer(request);
        } catch (RouteException e) {
            Response refused = refusal(e.status(), e.error(), e.getMessage(), e.fields());
            for (var header : e.headers().entrySet()) {
                refused = refused.withHeader(header.getKey(), header.getValue());
            }
            return refused;
        } catch (MongoException e) {
            LOG.error("Route error: {} {} Error: {}", request.method(), request.path(), e.toString());
            return refusal(503, "unavailable", "the database is not answering; try again shortly");
        }
    }

    private Response answer(Request request) throws RouteException {
        Route route = byPath.get(request.path());
        if (route == null) {
            throw new RouteException(404, "not_found", "no route " + request.path() + "; the routes are "
                    + String.join(", ", byPath.keySet()));
        }
        if (!route.method().equals(request.method())) {
            throw new RouteException(405, "method_not_allowed", request.path() + " answers " + route.method()
                    + " only", Map.of(), Map.of("Allow", route.method()));
        }
        requireJson(request.header("content-type"));
        RouteAnswer answer = route.handler().handle(new RouteCall(parse(request.body()), request.remoteAddress()));
        try {
            syncPoints.beforeAnswer();
        } catch (RuntimeException e) {
            LOG.error("Route error: {} {} Error: {}", request.method(), request.path(), e.toString());
            throw new RouteException(503, "unavailable", "the database could not make this change durable; try again"
                    + " shortly");
        }
        return Response.json(answer.status(), answer.body().toString());
    }

    private static void requireJson(String contentType) throws RouteException {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        boolean json = parts[0].trim().equalsIgnoreCase(JSON);
        for (int i = 1; i < parts.length && json; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset") && param.length == 2
                    && !param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                json = false;
            }
        }
        if (!json) {
            throw new RouteException(415, "unsupported_media_type", "send the body as Content-Type: application/json"
                    + " (UTF-8), not " + (contentType == null ? "nothing" : "'" + printable(contentType) + "'"));
        }
    }

    private static ObjectNode parse(byte[] body) throws RouteException {
        if (body.length == 0) {
            throw new RouteException(400, "invalid_json", "the body is empty; send one JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new RouteException(400, "invalid_json", "the body is not JSON: " + printable(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new RouteException(400, "invalid_json", "the body could not be read as JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new RouteException(400, "invalid_json", "the body must be one JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return object;
    }

    /** At most 120 characters, control characters shown as '?', for messages that quote the input. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Override
    public Response refusal(int status, String error, String message) {
        return refusal(status, error, message, Map.of());
    }

    private static Response refusal(int status, String error, String message, Map<String, String> fields) {
        ObjectNode body = JsonOut.object().put("error", error).put("message", message);
        if (!fields.isEmpty()) {
            ObjectNode byField = body.putObject("fields");
            fields.forEach(byField::put);
        }
        return Response.json(status, body.toString());
    }
}
