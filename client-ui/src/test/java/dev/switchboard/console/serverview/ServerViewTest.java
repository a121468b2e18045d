package dev.switchboard.console.serverview;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.timeline.TimelineView;
import dev.switchboard.console.tokens.Expiry;
import dev.switchboard.server.fixture.DocumentedFixture;
import dev.switchboard.server.fixture.FixtureSpec;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Server view against a real bundled server, with other clients connected through the real Java client. */
class ServerViewTest {

    private static ConsoleHarness h;
    private static ServerView view;
    private final FxRobot robot = new FxRobot();
    private final List<Socket> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        h.seed(FixtureSpec.documented());
        view = h.window().view(ServerView.class);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Socket::close);
    }

    /** Another client of the server, connected as that user. */
    private Socket client(String userId) throws Exception {
        IO.Options o = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(new String[] {"websocket"}).build();
        o.auth = Map.of("accessToken", h.ctx().tokens().sign(h.ctx().secret(), userId, Expiry.none(), Map.of()));
        Socket s = IO.socket(URI.create(h.ctx().serverUrl()), o);
        CompletableFuture<Object> up = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, a -> up.complete("ok"));
        s.once(Socket.EVENT_CONNECT_ERROR, a -> up.completeExceptionally(new AssertionError("refused: " + a[0])));
        s.connect();
        up.get(10, TimeUnit.SECONDS);
        clients.add(s);
        return s;
    }

    private void openServerViewWithTheKeyboard() {
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT8).release(KeyCode.DIGIT8).release(KeyCode.CONTROL);
        waitFor("the Server view", 10, () -> h.window().current() == view);
        waitFor("the admin connection", 20, () -> view.summary.getText().contains("sockets"));
    }

    @Test
    void listsALiveSocketAndDisconnectsIt() throws Exception {
        Socket kia = client(ConsoleHarness.KIA);
        String socketId = kia.id();
        openServerViewWithTheKeyboard();
        waitFor("kia's socket in the table", 20, () -> view.sockets.getItems().stream()
                .anyMatch(s -> s.socketId().equals(socketId)));
        LiveSocket row = fx(() -> view.sockets.getItems().stream().filter(s -> s.socketId().equals(socketId))
                .findFirst().orElseThrow());
        assertThat(row.username()).isEqualTo("kiarashatri");
        assertThat(row.transport()).isEqualTo("websocket");
        assertThat(row.rooms()).contains(ConsoleHarness.KIA, "followed-" + ConsoleHarness.JOHN);
        assertThat(row.node()).isNotBlank();
        assertThat(row.connectedAt()).isNotNull();

        fx(() -> view.sockets.getSelectionModel().select(row));
        robot.clickOn("#server-disconnect");
        waitFor("kia's client to be disconnected", 20, () -> !kia.connected());
        waitFor("the row to go", 20, () -> view.sockets.getItems().stream()
                .noneMatch(s -> s.socketId().equals(socketId)));
        assertThat(view.status.getText()).contains("disconnected socket " + socketId);
    }

    @Test
    void theTimelineShowsAServerSideEventFromAnotherClientAndFiltersIt() throws Exception {
        openServerViewWithTheKeyboard();
        Socket john = client(ConsoleHarness.JOHN);
        CompletableFuture<Object> ack = new CompletableFuture<>();
        john.emit("user/publicity/get", new Object[0], a -> ack.complete(a[0]));
        ack.get(10, TimeUnit.SECONDS);

        fx(() -> h.window().show(3));
        var timeline = h.window().view(TimelineView.class);
        waitFor("john's call as a server-side row", 20, () -> serverCall(timeline.table.getItems(), "user/publicity/get")
                .isPresent());
        Frame row = fx(() -> serverCall(timeline.table.getItems(), "user/publicity/get").orElseThrow());
        assertThat(row.connection()).isEqualTo("server · user " + ConsoleHarness.JOHN);
        assertThat(row.status()).isEqualTo("ok");
        assertThat(row.payload().path("socketId").asText()).isEqualTo(john.id());
        fx(() -> timeline.table.scrollTo(row));
        waitFor("the server-side row painted as such", 10, () -> robot.from(timeline.table)
                .lookup((Node n) -> n instanceof TableRow<?> r && r.getItem() == row
                        && r.getStyleClass().contains("frame-server")).tryQuery().isPresent());

        robot.clickOn("#timeline-server-toggle");
        waitFor("server-side rows hidden", 10, () -> serverCall(timeline.table.getItems(), "user/publicity/get").isEmpty());
        robot.clickOn("#timeline-server-toggle");
        waitFor("server-side rows back", 10, () -> serverCall(timeline.table.getItems(), "user/publicity/get").isPresent());
    }

    private static Optional<Frame> serverCall(List<Frame> rows, String event) {
        return rows.stream().filter(f -> f.kind() == FrameKind.SERVER_CALL && f.event().equals(event)).findFirst();
    }

    @Test
    void theExplainerSaysWhyUsersDidNotReceiveAPush() throws Exception {
        // arya follows john too, but stays offline; ramsay is blocked by john; sansa does not follow john
        h.launcher().server().stores().users().follow(DocumentedFixture.ARYA_STARK, DocumentedFixture.JOHN_SNOW,
                new Date());
        openServerViewWithTheKeyboard();
        Socket john = client(ConsoleHarness.JOHN);
        client(ConsoleHarness.KIA);
        client(ConsoleHarness.RAMSAY);
        client(DocumentedFixture.SANSA_STARK.toHexString());
        CompletableFuture<Object> ack = new CompletableFuture<>();
        john.emit("tweet/add", new Object[] {"who hears this?"}, a -> ack.complete(a[0]));
        ack.get(10, TimeUnit.SECONDS);

        fx(() -> h.window().show(3));
        var timeline = h.window().view(TimelineView.class);
        waitFor("the tweet/new push in the timeline", 20, () -> pushOf(timeline.table.getItems()).isPresent());
        Frame push = fx(() -> pushOf(timeline.table.getItems()).orElseThrow());
        fx(() -> {
            timeline.table.getSelectionModel().select(push);
            timeline.table.scrollTo(push);
        });
        robot.clickOn("#timeline-explain");
        waitFor("the Server view", 10, () -> h.window().current() == view);
        waitFor("the explanation", 20, () -> view.delivery.getItems().size() >= 4);
        Map<String, DeliveryLine> byUser = new java.util.HashMap<>();
        fx(() -> view.delivery.getItems().forEach(l -> byUser.put(l.user(), l)));
        assertThat(byUser.get("kiarashatri").received()).isTrue();
        assertThat(byUser.get("kiarashatri").why()).isEqualTo("in room followed-" + ConsoleHarness.JOHN);
        assertThat(byUser.get("ramsaybolton").received()).isFalse();
        assertThat(byUser.get("ramsaybolton").why()).isEqualTo("blocked: jhonsnow blocks them");
        assertThat(byUser.get("sansastark").why()).isEqualTo("not following jhonsnow");
        assertThat(byUser.get("aryastark").why()).isEqualTo("offline: follows jhonsnow but has no connected socket");
        assertThat(byUser).doesNotContainKey("jhonsnow");
        assertThat(view.explainTitle.getText()).contains("tweet/new").contains("1 received, 3 did not");
    }

    @Test
    void moderationReadsThroughTheAdminNamespaceWithoutTheDatabase() throws Exception {
        var source = new dev.switchboard.console.moderation.AdminModeration(h.ctx().admin());
        assertThat(source.search("jhon")).extracting(u -> u.username()).containsExactly("jhonsnow");
        var john = source.detail(ConsoleHarness.JOHN);
        assertThat(john.user().email()).isEqualTo("jhonsnow@email.com");
        assertThat(john.blocks()).extracting(r -> r.username()).containsExactly("ramsaybolton");
        assertThat(john.requestsIn()).extracting(r -> r.username()).containsExactly("sansastark");
        assertThat(john.following()).hasSize(3);
        var ramsay = source.detail(ConsoleHarness.RAMSAY);
        assertThat(ramsay.blockedBy()).extracting(r -> r.username()).containsExactlyInAnyOrder("jhonsnow", "kiarashatri");
    }

    private static Optional<Frame> pushOf(List<Frame> rows) {
        return rows.stream().filter(f -> f.kind() == FrameKind.SERVER_PUSH && f.event().equals("tweet/new")
                && f.payload().path("payload").path("context").asText().equals("who hears this?")).findFirst();
    }
}
