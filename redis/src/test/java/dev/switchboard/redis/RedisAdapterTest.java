package dev.switchboard.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketInfo;
import dev.switchboard.engine.SocketIoServer;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two engines on one Redis, each with its own backplane, and real socket.io-client-java clients. */
class RedisAdapterTest {

    static LocalRedis redis;
    static Node one;
    static Node two;
    final List<Socket> clients = new ArrayList<>();

    /** One server node: an engine whose namespace "/" has a few test events over its adapter. */
    record Node(RedisBackplane backplane, SocketIoServer engine) {

        static Node start(String name) {
            RedisBackplane backplane = RedisBackplane.connect(redis.uri(), "test");
            SocketIoServer engine = SocketIoServer.create(EngineConfig.builder().host("127.0.0.1").port(0)
                    .nodeName(name).adapterFactory(backplane.adapterFactory()).build());
            Namespace ns = engine.namespace("/");
            ns.on("join", (s, e) -> {
                s.join(e.arg(0).asText());
                e.ack().send("joined");
            });
            ns.on("shout", (s, e) -> {
                ns.to(e.arg(0).asText()).emit("shouted", e.arg(1), e.arg(2));
                e.ack().send("sent");
            });
            ns.on("move", (s, e) -> {
                ns.to(e.arg(0).asText()).socketsJoin(e.arg(1).asText());
                ns.to(e.arg(0).asText()).socketsLeave(e.arg(0).asText());
                e.ack().send("moved");
            });
            ns.on("kick", (s, e) -> {
                ns.to(e.arg(0).asText()).disconnectSockets(true);
                e.ack().send("kicked");
            });
            engine.start();
            return new Node(backplane, engine);
        }

        String url() {
            return "http://127.0.0.1:" + engine.port();
        }

        List<SocketInfo> fetch(String room) throws Exception {
            return engine.namespace("/").to(room).fetchSockets().get(5, TimeUnit.SECONDS);
        }

        void stop() {
            engine.stop(Duration.ZERO);
            backplane.close();
        }
    }

    @BeforeAll
    static void startNodes() {
        redis = LocalRedis.required();
        one = Node.start("one");
        two = Node.start("two");
    }

    @AfterAll
    static void stopNodes() {
        if (one != null) {
            one.stop();
        }
        if (two != null) {
            two.stop();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Socket::close);
    }

    Socket connect(Node node) throws Exception {
        IO.Options o = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(new String[] {"websocket"}).build();
        Socket s = IO.socket(URI.create(node.url()), o);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, a -> connected.complete(null));
        s.once(Socket.EVENT_CONNECT_ERROR, a -> connected.completeExceptionally(new IllegalStateException("refused")));
        s.connect();
        connected.get(5, TimeUnit.SECONDS);
        clients.add(s);
        return s;
    }

    static Object call(Socket s, String event, Object... args) throws Exception {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        s.emit(event, args, a -> reply.complete(a.length == 0 ? null : a[0]));
        return reply.get(5, TimeUnit.SECONDS);
    }

    static BlockingQueue<Object[]> record(Socket s, String event) {
        BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        s.on(event, queue::add);
        return queue;
    }

    static Object[] next(BlockingQueue<Object[]> queue) throws InterruptedException {
        Object[] args = queue.poll(5, TimeUnit.SECONDS);
        assertThat(args).as("no push within 5 s").isNotNull();
        return args;
    }

    @Test
    void aRoomBroadcastReachesSocketsOnEveryNodeOnceWithBinaryIntact() throws Exception {
        Socket onOne = connect(one);
        Socket onTwo = connect(two);
        Socket outside = connect(two);
        call(onOne, "join", "r1");
        call(onTwo, "join", "r1");
        BlockingQueue<Object[]> atOne = record(onOne, "shouted");
        BlockingQueue<Object[]> atTwo = record(onTwo, "shouted");
        BlockingQueue<Object[]> atOutside = record(outside, "shouted");
        byte[] bytes = {0, 1, 2, (byte) 0xff, 42};

        call(onOne, "shout", "r1", "hello", bytes);

        for (BlockingQueue<Object[]> queue : List.of(atOne, atTwo)) {
            Object[] args = next(queue);
            assertThat(args[0]).isEqualTo("hello");
            assertThat(args[1]).isInstanceOf(byte[].class);
            assertThat((byte[]) args[1]).containsExactly(bytes);
        }
        assertThat(atOne.poll(300, TimeUnit.MILLISECONDS)).as("delivered twice on the sending node").isNull();
        assertThat(atOutside.poll(100, TimeUnit.MILLISECONDS)).as("reached a socket outside the room").isNull();
    }

    @Test
    void socketsJoinAndLeaveActOnSocketsOfEveryNode() throws Exception {
        Socket onOne = connect(one);
        Socket onTwo = connect(two);
        call(onOne, "join", "old");
        call(onTwo, "join", "old");
        BlockingQueue<Object[]> atOne = record(onOne, "shouted");
        BlockingQueue<Object[]> atTwo = record(onTwo, "shouted");

        call(onTwo, "move", "old", "new");
        // the move request and this broadcast travel in order through Redis
        call(onTwo, "shout", "new", "after the move");
        assertThat(next(atOne)[0]).isEqualTo("after the move");
        assertThat(next(atTwo)[0]).isEqualTo("after the move");

        call(onTwo, "shout", "old", "to the old room");
        assertThat(atOne.poll(300, TimeUnit.MILLISECONDS)).as("still in the room it left").isNull();
        assertThat(atTwo.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void fetchSocketsListsSocketsOfEveryNodeTaggedWithTheirNode() throws Exception {
        Socket onOne = connect(one);
        Socket onTwo = connect(two);
        call(onOne, "join", "listed");
        call(onTwo, "join", "listed");

        List<SocketInfo> fromOne = one.fetch("listed");
        assertThat(fromOne).extracting(SocketInfo::id).containsExactlyInAnyOrder(onOne.id(), onTwo.id());
        assertThat(fromOne).extracting(SocketInfo::node).containsExactlyInAnyOrder("one", "two");
        SocketInfo remote = fromOne.stream().filter(s -> s.node().equals("two")).findFirst().orElseThrow();
        assertThat(remote.rooms()).contains("listed", onTwo.id());
        assertThat(remote.transport()).isEqualTo("websocket");
        assertThat(remote.handshake().address()).isNotBlank();
        assertThat(two.fetch("listed")).hasSize(2);
    }

    @Test
    void disconnectSocketsClosesSocketsOfEveryNode() throws Exception {
        Socket onOne = connect(one);
        Socket onTwo = connect(two);
        Socket stays = connect(one);
        call(onOne, "join", "doomed");
        call(onTwo, "join", "doomed");
        CompletableFuture<Object> oneGone = new CompletableFuture<>();
        CompletableFuture<Object> twoGone = new CompletableFuture<>();
        onOne.on(Socket.EVENT_DISCONNECT, a -> oneGone.complete(a[0]));
        onTwo.on(Socket.EVENT_DISCONNECT, a -> twoGone.complete(a[0]));

        call(stays, "kick", "doomed");

        assertThat(oneGone.get(5, TimeUnit.SECONDS)).isEqualTo("io server disconnect");
        assertThat(twoGone.get(5, TimeUnit.SECONDS)).isEqualTo("io server disconnect");
        assertThat(stays.connected()).isTrue();
    }

    @Test
    void fetchSocketsOfAnEmptyRoomAnswersWithoutWaitingForTheTimeout() throws Exception {
        long start = System.nanoTime();
        assertThat(one.fetch("nobody-here")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RedisBackplane.COMMAND_TIMEOUT);
    }

}
