package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.events.ExplainDelivery;
import dev.switchboard.console.events.ShowView;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The server as its admins see it, through {@code /admin}: every live socket (with disconnect), per-event
 * counts and latency, and the delivery explainer for a server push picked in the timeline. The server's
 * event stream itself goes to the timeline as server-side rows.
 */
public final class ServerView implements ConsoleView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final Duration POLL = Duration.seconds(2);

    private final ConsoleContext ctx;
    private final VBox root;
    public final TextField adminUser = new TextField();
    public final TableView<LiveSocket> sockets = new TableView<>();
    public final TableView<EventStat> stats = new TableView<>();
    public final TableView<DeliveryLine> delivery = new TableView<>();
    public final Button disconnect = Ui.button("Disconnect socket", e -> disconnectSelected());
    public final Label summary = new Label("not connected to /admin yet");
    public final Label explainTitle = new Label("Pick a ◆ server push in the Timeline (Ctrl+4) and press "
            + "Explain delivery.");
    public final StatusLine status = new StatusLine();
    private final Label adminState = new Label();
    private final Timeline poller = new Timeline(new KeyFrame(POLL, e -> refresh()));
    private final PauseTransition refreshSoon = new PauseTransition(Duration.millis(150));
    private AdminSession wired;
    private boolean polling;
    private boolean visible;

    public ServerView(ConsoleContext ctx) {
        this.ctx = ctx;
        poller.setCycleCount(Timeline.INDEFINITE);
        refreshSoon.setOnFinished(e -> refresh());

        adminUser.setPromptText("user id for the /admin token (blank: the database's first user)");
        adminUser.setId("server-admin-user");
        adminUser.textProperty().bindBidirectional(ctx.adminUser());
        adminUser.setOnAction(e -> reconnect());
        Button connect = Ui.button("Connect as admin", e -> reconnect());
        Button refresh = Ui.button("Refresh", e -> refresh());
        adminState.getStyleClass().add("hint");
        adminState.setId("server-admin-state");
        summary.setId("server-summary");
        summary.getStyleClass().add("section-heading");

        buildSockets();
        buildStats();
        buildDelivery();
        disconnect.getStyleClass().add("danger");
        disconnect.setId("server-disconnect");
        disconnect.disableProperty().bind(sockets.getSelectionModel().selectedItemProperty().isNull());

        VBox socketsCard = Ui.card("Live sockets", Ui.grow(sockets), Ui.row(disconnect, Ui.spacer(),
                Ui.hint("Every node's sockets of namespace /, as admin/sockets/get lists them")));
        VBox statsCard = Ui.card("Per-event counts and latency (this node)", Ui.grow(stats));
        explainTitle.setWrapText(true);
        explainTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explainTitle.setId("server-explain-title");
        VBox explainCard = Ui.card("Delivery explainer", explainTitle, Ui.grow(delivery));
        SplitPane lower = new SplitPane(statsCard, explainCard);
        lower.setDividerPositions(0.45);
        SplitPane body = new SplitPane(socketsCard, lower);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.45);
        VBox page = Ui.page(Ui.title("Server"), Ui.row(Ui.grow(adminUser), connect, refresh), adminState, summary,
                status, Ui.grow(body));
        root = page;
        ctx.session().addListener((o, a, s) -> Platform.runLater(this::clearShown));
        ctx.events().subscribe(ExplainDelivery.class, e -> {
            ctx.events().publish(new ShowView(ServerView.class));
            explain(e.push());
        });
    }

    private void buildSockets() {
        sockets.setId("server-sockets");
        sockets.setPlaceholder(new Label("No client is connected to the server."));
        sockets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sockets.getColumns().add(column("User", 120, LiveSocket::user));
        sockets.getColumns().add(column("Socket", 170, LiveSocket::socketId));
        sockets.getColumns().add(column("Transport", 80, LiveSocket::transport));
        sockets.getColumns().add(column("Address", 110, LiveSocket::address));
        sockets.getColumns().add(column("Connected since", 140,
                s -> s.connectedAt() == null ? "—" : TIME.format(s.connectedAt())));
        sockets.getColumns().add(column("Node", 70, LiveSocket::node));
        sockets.getColumns().add(column("Rooms", 320, LiveSocket::roomList));
    }

    private void buildStats() {
        stats.setId("server-stats");
        stats.setPlaceholder(new Label("No listener called yet."));
        stats.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stats.getColumns().add(column("Event", 200, EventStat::event));
        stats.getColumns().add(column("Count", 60, s -> Long.toString(s.count())));
        stats.getColumns().add(column("Errors", 60, s -> Long.toString(s.errors())));
        stats.getColumns().add(column("p50 ms", 70, s -> String.format("%.2f", s.p50Millis())));
        stats.getColumns().add(column("p99 ms", 70, s -> String.format("%.2f", s.p99Millis())));
    }

    private void buildDelivery() {
        delivery.setId("server-delivery");
        delivery.setPlaceholder(new Label("Nothing explained yet."));
        delivery.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        delivery.getColumns().add(column("User", 110, DeliveryLine::user));
        delivery.getColumns().add(column("Sockets", 60, l -> Integer.toString(l.sockets())));
        delivery.getColumns().add(column("Received", 70, l -> l.received() ? "✔ yes" : "✕ no"));
        delivery.getColumns().add(column("Why", 300, DeliveryLine::why));
        delivery.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(DeliveryLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("explain-missed", "explain-received");
                if (!empty && line != null) {
                    getStyleClass().add(line.received() ? "explain-received" : "explain-missed");
                }
            }
        });
    }

    private static <T> TableColumn<T, String> column(String name, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        return c;
    }

    private void reconnect() {
        ctx.closeAdmin();
        wired = null;
        refresh();
    }

    private void clearShown() {
        wired = null;
        sockets.getItems().clear();
        stats.getItems().clear();
        summary.setText("not connected to /admin yet");
    }

    /** Reads sockets and stats in the background and shows them. */
    public void refresh() {
        ctx.background().run(() -> {
            AdminSession admin = ctx.admin();
            return new Object[] {admin, ServerSnapshot.read(admin)};
        }, result -> {
            wire((AdminSession) result[0]);
            show((ServerSnapshot) result[1]);
        }, e -> {
            status.error(Json.describe(e));
            summary.setText("not connected to /admin");
        });
    }

    private void wire(AdminSession admin) {
        if (wired == admin) {
            return;
        }
        wired = admin;
        adminState.setText(admin.status());
        admin.onStatus(text -> Platform.runLater(() -> adminState.setText(text)));
        admin.onConnectionChange(() -> Platform.runLater(() -> {
            if (visible) {
                refreshSoon.playFromStart();
            }
        }));
    }

    private void show(ServerSnapshot s) {
        if ("status-error".equals(status.kind())) {
            status.clear(); // reached the server again; a success message stays until the next action
        }
        LiveSocket selected = sockets.getSelectionModel().getSelectedItem();
        sockets.setItems(FXCollections.observableArrayList(s.sockets()));
        if (selected != null) {
            s.sockets().stream().filter(x -> x.socketId().equals(selected.socketId())).findFirst()
                    .ifPresent(x -> sockets.getSelectionModel().select(x));
        }
        stats.setItems(FXCollections.observableArrayList(s.events()));
        summary.setText(s.connections() + " sockets · " + s.usersOnline() + " users online · up "
                + java.time.Duration.ofSeconds(s.uptimeSeconds()).toString().substring(2).toLowerCase());
    }

    private void disconnectSelected() {
        LiveSocket s = sockets.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        status.busy("disconnecting " + s.socketId() + " (" + s.user() + ")…");
        ctx.background().run(() -> ctx.admin().call("admin/socket/disconnect", s.socketId()), r -> {
            status.ok("disconnected socket " + s.socketId() + " of " + s.user());
            refresh();
        }, e -> status.error("cannot disconnect: " + Json.describe(e)));
    }

    /** Explains who received this server push (an {@code admin/emit} row of the timeline). */
    public void explain(Frame push) {
        JsonNode emit = push.payload();
        String owner = DeliveryExplainer.ownerOf(emit);
        explainTitle.setText("Working out who received " + push.event() + " (#" + push.seq() + ")…");
        ctx.background().run(() -> {
            AdminSession admin = ctx.admin();
            List<LiveSocket> live = LiveSocket.listOf(admin.call("admin/sockets/get"));
            DeliveryFacts facts = owner == null ? DeliveryFacts.none(null, targetNames(emit, admin))
                    : ctx.hasDatabase() ? DeliveryFacts.fromDatabase(owner, ctx.directory())
                    : DeliveryFacts.fromAdmin(owner, live, admin);
            return new Explanation(facts, DeliveryExplainer.explain(emit, live, facts));
        }, x -> {
            delivery.setItems(FXCollections.observableArrayList(x.lines()));
            long missed = x.lines().stream().filter(l -> !l.received()).count();
            explainTitle.setText(push.event() + " at " + push.time() + " to "
                    + push.connectionLabel().replaceFirst("^to ", "") + ": " + (x.lines().size() - missed)
                    + " received, " + missed + " did not (sockets as connected now"
                    + (x.facts().followersComplete() ? "" : "; without database access only online users are "
                    + "checked for following") + ")");
        }, e -> explainTitle.setText("cannot explain: " + Json.describe(e)));
    }

    private record Explanation(DeliveryFacts facts, List<DeliveryLine> lines) {
    }

    private Map<String, String> targetNames(JsonNode emit, AdminSession admin) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode room : emit.path("to").path("rooms")) {
            String id = room.asText();
            if (id.matches("[0-9a-fA-F]{24}")) {
                try {
                    names.put(id, admin.call("admin/user/get", id).path("user").path("username").asText(id));
                } catch (Exception e) {
                    names.put(id, id);
                }
            }
        }
        return names;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        adminUser.requestFocus();
    }

    @Override
    public void shown() {
        visible = true;
        refresh();
        if (!polling) {
            polling = true;
            poller.play();
        }
    }

    /** Called when another view comes to front: stops polling the server. */
    @Override
    public void hidden() {
        visible = false;
        polling = false;
        poller.stop();
    }

    static String when(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }
}
