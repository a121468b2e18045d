package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Paths other than the Socket.IO path go to the app's HttpHandler, on the worker pool, on the same port. */
class HttpHandlerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void otherPathsReachTheHandlerOffTheEventLoopWithCorsAndABodyLimit() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        SocketIoServer io = SocketIoServer.create(TestServers.config().httpMaxBody(100)
                .corsOrigins(List.of("https://app.example")).build());
        io.http(request -> {
            thread.set(Thread.currentThread().getName());
            if (request.path().equals("/boom")) {
                throw new IllegalStateException("boom");
            }
            return HttpHandler.Response.json(201, "{\"path\":\"" + request.path() + "\",\"body\":\""
                    + new String(request.body(), StandardCharsets.UTF_8) + "\",\"type\":\""
                    + request.header("Content-Type") + "\"}").withHeader("X-Extra", "yes");
        });
        io.start();
        try {
            String base = "http://127.0.0.1:" + io.port();
            HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(base + "/hello?x=1"))
                    .header("Origin", "https://app.example").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("hi")).build());
            assertThat(ok.statusCode()).isEqualTo(201);
            assertThat(ok.body()).isEqualTo("{\"path\":\"/hello\",\"body\":\"hi\",\"type\":\"text/plain\"}");
            assertThat(ok.headers().firstValue("x-extra")).hasValue("yes");
            assertThat(ok.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example");
            assertThat(thread.get()).startsWith("sio-worker");

            HttpResponse<String> big = send(HttpRequest.newBuilder(URI.create(base + "/hello"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(101))).build());
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).isEqualTo("{\"error\":\"too_large\",\"message\":\"request body over 100 bytes\"}");

            HttpResponse<String> failed = send(HttpRequest.newBuilder(URI.create(base + "/boom")).GET().build());
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("\"error\":\"internal\"");

            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base + "/hello"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST").build());
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("access-control-allow-methods")).isPresent();

            HttpResponse<String> engine = send(HttpRequest.newBuilder(URI.create(base + "/socket.io/?EIO=4&transport=polling"))
                    .GET().build());
            assertThat(engine.statusCode()).isEqualTo(200);
            assertThat(engine.body()).startsWith("0{\"sid\":");
        } finally {
            io.stop(java.time.Duration.ofSeconds(1));
        }
    }

    @Test
    void withoutAHandlerOtherPathsAre404() throws Exception {
        SocketIoServer io = SocketIoServer.create(TestServers.config().build()).start();
        try {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + io.port() + "/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(answer.statusCode()).isEqualTo(404);
        } finally {
            io.stop(java.time.Duration.ofSeconds(1));
        }
    }
}
