package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine against io.socket:socket.io-client 2.x, over each transport setup. */
class JavaClientInteropTest {

    static SocketIoServer io;

    @BeforeAll
    static void start() {
        io = InteropServer.start();
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    static Socket client(String transports, String namespace, Map<String, String> auth) {
        IO.Options options = IO.Options.builder()
                .setTransports(transports.split(","))
                .setForceNew(true)
                .setReconnection(false)
                .setAuth(auth)
                .build();
        return IO.socket(URI.create("http://127.0.0.1:" + io.port() + namespace), options);
    }

    static Object[] await(CompletableFuture<Object[]> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {Polling.NAME, WebSocket.NAME, Polling.NAME + "," + WebSocket.NAME})
    void scenarios(String transports) throws Exception {
        Socket socket = client(transports, "/", Map.of("token", "abc"));
        CompletableFuture<Object[]> auth = new CompletableFuture<>();
        BlockingQueue<Object[]> backs = new LinkedBlockingQueue<>();
        socket.on("auth", auth::complete);
        socket.on("message-back", backs::add);
        socket.connect();
        try {
            assertThat(((JSONObject) await(auth)[0]).getString("token")).isEqualTo("abc");

            CompletableFuture<Object[]> acked = new CompletableFuture<>();
            socket.emit("message-with-ack", new Object[] {1, "2", new JSONObject("{\"3\":[true]}")}, (Ack) acked::complete);
            Object[] ackArgs = await(acked);
            assertThat(ackArgs).hasSize(3);
            assertThat(ackArgs[0]).isEqualTo(1);
            assertThat(ackArgs[1]).isEqualTo("2");
            assertThat(ackArgs[2].toString()).isEqualTo("{\"3\":[true]}");

            socket.emit("message", new byte[] {1, 2, 3}, "text");
            Object[] back = backs.poll(5, TimeUnit.SECONDS);
            assertThat((byte[]) back[0]).containsExactly(1, 2, 3);
            assertThat(back[1]).isEqualTo("text");

            CompletableFuture<Object[]> question = new CompletableFuture<>();
            CompletableFuture<Object[]> answer = new CompletableFuture<>();
            socket.on("question", args -> {
                question.complete(args);
                ((Ack) args[args.length - 1]).call("x", 3, new byte[] {7});
            });
            socket.on("answer", answer::complete);
            socket.emit("ask");
            Object[] asked = await(question);
            assertThat(asked[0]).isEqualTo("a");
            assertThat(asked[1]).isEqualTo(2);
            assertThat((byte[]) asked[2]).containsExactly(9, 8);
            Object[] answered = await(answer);
            assertThat(answered[0]).isEqualTo("x");
            assertThat(answered[1]).isEqualTo(3);
            assertThat((byte[]) answered[2]).containsExactly(7);

            if (transports.contains(",")) {
                awaitTransport(socket, "websocket");
            } else {
                CompletableFuture<Object[]> transport = new CompletableFuture<>();
                socket.emit("transport", new Object[0], (Ack) transport::complete);
                assertThat(await(transport)[0]).isEqualTo(transports);
            }
            roomsAndBroadcast(socket, transports);
            rejection(transports);
        } finally {
            socket.close();
        }
    }

    private static void awaitTransport(Socket socket, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Object current = null;
        while (System.nanoTime() < deadline) {
            CompletableFuture<Object[]> transport = new CompletableFuture<>();
            socket.emit("transport", new Object[0], (Ack) transport::complete);
            current = await(transport)[0];
            if (expected.equals(current)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("transport stayed " + current);
    }

    private static void roomsAndBroadcast(Socket a, String transports) throws Exception {
        Socket b = client(transports, "/", Map.of());
        Socket c = client(transports, "/", Map.of());
        CompletableFuture<Object[]> bConnected = new CompletableFuture<>();
        CompletableFuture<Object[]> cConnected = new CompletableFuture<>();
        BlockingQueue<Object> shoutsA = new LinkedBlockingQueue<>();
        BlockingQueue<Object> shoutsB = new LinkedBlockingQueue<>();
        BlockingQueue<Object> shoutsC = new LinkedBlockingQueue<>();
        a.on("shout", args -> shoutsA.add(args[0]));
        b.on("shout", args -> shoutsB.add(args[0]));
        c.on("shout", args -> shoutsC.add(args[0]));
        b.on(Socket.EVENT_CONNECT, bConnected::complete);
        c.on(Socket.EVENT_CONNECT, cConnected::complete);
        b.connect();
        c.connect();
        try {
            await(bConnected);
            await(cConnected);
            for (Socket s : new Socket[] {a, b}) {
                CompletableFuture<Object[]> joined = new CompletableFuture<>();
                s.emit("join", new Object[] {"lobby"}, (Ack) joined::complete);
                await(joined);
            }
            CompletableFuture<Object[]> shouted = new CompletableFuture<>();
            c.emit("shout", new Object[] {"lobby", "hello"}, (Ack) shouted::complete);
            await(shouted);
            assertThat(shoutsA.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
            assertThat(shoutsB.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
            CompletableFuture<Object[]> own = new CompletableFuture<>();
            a.emit("shout", new Object[] {"lobby", "from a"}, (Ack) own::complete);
            await(own);
            assertThat(shoutsB.poll(5, TimeUnit.SECONDS)).isEqualTo("from a");
            assertThat(shoutsA).isEmpty();
            assertThat(shoutsC).isEmpty();
        } finally {
            b.close();
            c.close();
        }
    }

    private static void rejection(String transports) throws Exception {
        Socket refused = client(transports, "/guarded", Map.of("token", "wrong"));
        CompletableFuture<Object[]> error = new CompletableFuture<>();
        refused.on(Socket.EVENT_CONNECT_ERROR, error::complete);
        refused.connect();
        try {
            JSONObject reason = (JSONObject) await(error)[0];
            assertThat(reason.getString("message")).isEqualTo("not allowed");
            assertThat(reason.getJSONObject("data").getInt("code")).isEqualTo(7);
        } finally {
            refused.close();
        }
        Socket admitted = client(transports, "/guarded", Map.of("token", "letmein"));
        CompletableFuture<Object[]> welcome = new CompletableFuture<>();
        admitted.on("welcome", welcome::complete);
        admitted.connect();
        try {
            assertThat(((JSONObject) await(welcome)[0]).getString("token")).isEqualTo("letmein");
        } finally {
            admitted.close();
        }
    }
}
