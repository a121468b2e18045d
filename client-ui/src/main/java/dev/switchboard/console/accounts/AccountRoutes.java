package dev.switchboard.console.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Calls the server's account routes over plain HTTP; blocking, so views call it in the background. */
public final class AccountRoutes {

    /** One answer: its status, JSON body and round trip. */
    public record Reply(String path, int status, JsonNode body, long millis) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text(String field) {
            return body == null ? null : body.path(field).asText(null);
        }

        /** E.g. "POST /login → 401 unauthorized: wrong username or password (38 ms)". */
        public String summary() {
            String what = ok() ? "" : " " + text("error") + ": " + text("message");
            return "POST " + path + " → " + status + what + " (" + millis + " ms)";
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> serverUrl;

    public AccountRoutes(Supplier<String> serverUrl) {
        this.serverUrl = serverUrl;
    }

    public Reply post(String path, Map<String, ?> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl.get() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            json = Json.NODES.textNode(response.body());
        }
        return new Reply(path, response.statusCode(), json, millis);
    }
}
