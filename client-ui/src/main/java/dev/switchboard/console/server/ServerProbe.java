package dev.switchboard.console.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks whether a Socket.IO v4 server answers at a URL: an Engine.IO polling handshake, bounded in time. */
public final class ServerProbe {

    private ServerProbe() {
    }

    public static boolean answers(String serverUrl, Duration timeout) {
        String base = serverUrl.replaceAll("/+$", "");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/socket.io/?EIO=4&transport=polling"))
                    .timeout(timeout).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            // an Engine.IO open packet: 0{"sid":...}
            return response.statusCode() == 200 && response.body().startsWith("0{");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
