package dev.switchboard.scenario.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether a Socket.IO v4 server answers at a URL: one Engine.IO polling handshake, bounded in time. */
public final class ServerProbe {

    private ServerProbe() {
    }

    public static boolean answers(String serverUrl, Duration timeout) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl.replaceAll("/+$", "")
                    + "/socket.io/?EIO=4&transport=polling")).timeout(timeout).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("0{");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
