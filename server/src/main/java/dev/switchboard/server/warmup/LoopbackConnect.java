package dev.switchboard.server.warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One user's connect as a Socket.IO v4 client makes it over a websocket, until the server's connect pushes
 * have arrived: the engine's open packet, the namespace connect with the token in its auth, then the first
 * {@code pushes} events. Spoken straight over the JDK's websocket, so the warm-up needs no client library.
 */
final class LoopbackConnect implements WebSocket.Listener {

    private final String token;
    private final int pushes;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private int events;

    private LoopbackConnect(String token, int pushes) {
        this.token = token;
        this.pushes = pushes;
    }

    /** Connects, waits for the pushes, closes; completes exceptionally when the server refused or took too long. */
    static CompletableFuture<Void> run(HttpClient http, URI socketIo, String token, int pushes, long timeoutMillis) {
        LoopbackConnect connect = new LoopbackConnect(token, pushes);
        return http.newWebSocketBuilder().buildAsync(socketIo, connect)
                .thenCompose(ws -> connect.ready.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                        .whenComplete((done, failed) -> ws.abort()));
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String packet = partial.toString();
            partial.setLength(0);
            receive(ws, packet);
        }
        ws.request(1);
        return null;
    }

    private void receive(WebSocket ws, String packet) {
        if (packet.startsWith("0")) { // the engine is open: join the main namespace with the token
            ws.sendText("40{\"accessToken\":\"" + token + "\"}", true);
        } else if (packet.equals("2")) {
            ws.sendText("3", true);
        } else if (packet.startsWith("44")) {
            ready.completeExceptionally(new IllegalStateException("connect refused: " + packet.substring(2)));
        } else if (packet.startsWith("42") && ++events == pushes) {
            ready.complete(null);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        ready.completeExceptionally(new IllegalStateException("closed by the server: " + status + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        ready.completeExceptionally(error);
    }
}
