package dev.switchboard.console.connections;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.tokens.Expiry;
import dev.switchboard.console.ui.IdPicker;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.IdKind;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Several live connections side by side, each labelled by its user, with plain reasons when refused. */
public final class ConnectionsView implements ConsoleView {

    private final ConsoleContext ctx;
    private final VBox root;
    final IdPicker user;
    final ChoiceBox<Transport> transport = new ChoiceBox<>();
    final ChoiceBox<String> namespace = new ChoiceBox<>();
    final TextField rawToken = new TextField();
    public final TableView<LiveConnection> table = new TableView<>();
    private final Label selectedDetail = new Label();
    private final StatusLine status = new StatusLine();
    private LiveConnection lastOpened;

    public ConnectionsView(ConsoleContext ctx) {
        this.ctx = ctx;
        this.user = new IdPicker(IdKind.USER, ctx.background(), ctx.choiceSource());
        user.setOnError(status::error);
        transport.getItems().setAll(Transport.values());
        transport.setValue(Transport.WEBSOCKET);
        namespace.getItems().setAll(EventCatalog.MAIN, EventCatalog.ADMIN);
        namespace.setValue(EventCatalog.MAIN);
        rawToken.getStyleClass().add("code");
        rawToken.setPromptText("or paste a token (sent as auth.accessToken) — leave empty to sign one for the user");

        Button connect = Ui.primary("Connect", e -> connect());
        connect.setId("connect-button");
        Button noAuth = Ui.button("Connect without token", e -> open(new ConnectRequest("no token", null, null,
                namespace.getValue(), transport.getValue())));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label("As user"), user, new Label("Transport"), transport, new Label("Namespace"), namespace);
        form.add(new Label("Token"), 0, 1);
        form.add(rawToken, 1, 1, 5, 1);
        GridPane.setHgrow(user, Priority.ALWAYS);
        VBox connectCard = Ui.card("Open a connection", form, Ui.row(connect, noAuth,
                Ui.hint("Connecting as a user signs a token for you with the server's secret; "
                        + "/admin adds role: admin.")), status);

        buildTable();
        Button disconnect = Ui.button("Disconnect", e -> selected(c -> {
            ctx.connections().close(c);
            return null;
        }));
        Button reconnect = Ui.button("Reconnect", e -> selected(c -> ctx.connections().reconnect(c)));
        Button closeAll = Ui.button("Disconnect all", e -> ctx.connections().close());
        selectedDetail.setWrapText(true);
        selectedDetail.getStyleClass().add("detail");
        selectedDetail.setId("connection-detail");
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, c) -> showDetail(c));
        ctx.connectionList().addListener((javafx.collections.ListChangeListener<LiveConnection>) ch -> {
            showDetail(table.getSelectionModel().getSelectedItem());
            reportLastOpened();
        });
        VBox listCard = Ui.card("Live connections", Ui.grow(table), Ui.row(disconnect, reconnect, closeAll),
                selectedDetail);
        root = Ui.page(Ui.title("Connections"), connectCard, Ui.grow(listCard));
    }

    private void buildTable() {
        table.setItems(ctx.connectionList());
        table.setPlaceholder(new Label("No connections yet: pick a user above and press Connect."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Id", 50, LiveConnection::id));
        table.getColumns().add(column("User", 140, LiveConnection::label));
        table.getColumns().add(column("Namespace", 90, LiveConnection::namespace));
        table.getColumns().add(column("Transport", 150, c -> c.transport().toString()));
        TableColumn<LiveConnection, String> statusColumn = column("Status", 110, c -> c.status().label());
        statusColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("conn-connected", "conn-rejected", "conn-connecting", "conn-closed");
                setText(empty ? null : item);
                if (!empty && item != null) {
                    getStyleClass().add("conn-" + item.toLowerCase().replace("disconnected", "closed"));
                }
            }
        });
        table.getColumns().add(statusColumn);
        table.getColumns().add(column("Detail", 360, LiveConnection::detail));
    }

    private static TableColumn<LiveConnection, String> column(String name, double width,
                                                              Function<LiveConnection, String> value) {
        TableColumn<LiveConnection, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        return c;
    }

    /** The outcome of the connection opened last, where the user just clicked Connect. */
    private void reportLastOpened() {
        LiveConnection c = lastOpened;
        if (c == null) {
            return;
        }
        switch (c.status()) {
            case CONNECTED -> status.ok(c.display() + ": " + c.detail());
            case REJECTED -> status.error(c.display() + " was refused — " + c.detail());
            case DISCONNECTED -> status.warn(c.display() + ": " + c.detail());
            default -> { }
        }
    }

    private void selected(Function<LiveConnection, Object> action) {
        LiveConnection c = table.getSelectionModel().getSelectedItem();
        if (c == null) {
            status.warn("select a connection in the table first");
            return;
        }
        action.apply(c);
    }

    private void showDetail(LiveConnection c) {
        selectedDetail.setText(c == null ? "" : c.display() + " — " + c.status().label() + ": " + c.detail()
                + (c.userId() == null ? "" : "\nuser_id " + c.userId()));
    }

    void connect() {
        String token = rawToken.getText().trim();
        String userId = user.selectedId();
        String ns = namespace.getValue();
        if (!token.isEmpty()) {
            open(new ConnectRequest(userId.isEmpty() ? "pasted token" : user.selectedLabel(),
                    userId.isEmpty() ? null : userId, token, ns, transport.getValue()));
            return;
        }
        if (userId.isEmpty()) {
            status.error("pick a user (type part of a username) or paste a token");
            return;
        }
        String label = user.selectedLabel();
        String secret = ctx.secret();
        Map<String, Object> claims = EventCatalog.ADMIN.equals(ns) ? Map.of("role", "admin") : Map.of();
        ctx.background().run(() -> ctx.tokens().sign(secret, userId, Expiry.none(), claims),
                t -> open(new ConnectRequest(label, userId, t, ns, transport.getValue())),
                e -> status.error("cannot sign a token: " + Json.describe(e)));
    }

    /** Opens a connection as a user in one call (the fire view and tests use it too). */
    public void connectAs(String userId, String label) {
        user.setId(userId, label);
        rawToken.clear();
        connect();
    }

    private void open(ConnectRequest request) {
        ctx.background().run(() -> ctx.connections().open(request),
                c -> {
                    lastOpened = c;
                    status.info("opening " + c.display() + " to " + ctx.serverUrl() + " over "
                            + request.transport() + "…");
                    reportLastOpened();
                    table.getSelectionModel().select(c);
                },
                e -> status.error("cannot open the connection: " + Json.describe(e)));
    }

    public IdPicker userPicker() {
        return user;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        user.requestFocus();
    }
}
