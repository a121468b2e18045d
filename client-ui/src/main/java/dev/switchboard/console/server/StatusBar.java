package dev.switchboard.console.server;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.ui.Ui;
import java.net.URI;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * Always at the bottom, readable at the default size: bundled or external, the server's host and port, the
 * database's port, what just happened (on two lines when long) and what is live. Every part has its full
 * text as a tooltip, and Details opens all of it in a popover.
 */
public final class StatusBar extends HBox {

    private final ConsoleContext ctx;
    final Label mode = new Label();
    final Label server = new Label();
    final Label database = new Label();
    final Label state = new Label();
    final Label live = new Label();
    final Button details = new Button("Details");
    private final Label detailsText = new Label();
    private final Popup popover = new Popup();

    public StatusBar(ConsoleContext ctx) {
        super(14);
        this.ctx = ctx;
        getStyleClass().add("status-bar");
        mode.setId("status-mode");
        server.setId("status-server");
        database.setId("status-database");
        state.setId("status-state");
        live.setId("status-live");
        details.setId("status-details");
        mode.getStyleClass().add("badge");
        state.getStyleClass().add("status-state");
        for (Label fixed : new Label[] {mode, server, database, live}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
            fixed.setTooltip(tooltip());
        }
        state.setWrapText(true);
        state.setMinWidth(0);
        state.setMaxWidth(Double.MAX_VALUE);
        state.setTooltip(tooltip());
        HBox.setHgrow(state, Priority.ALWAYS);
        details.getStyleClass().addAll("small", "status-details");
        details.setMinWidth(Region.USE_PREF_SIZE);
        details.setOnAction(e -> togglePopover());
        detailsText.getStyleClass().add("detail");
        detailsText.setId("status-details-text");
        VBox card = new VBox(detailsText);
        card.getStyleClass().addAll("card", "status-popover");
        popover.getContent().add(card);
        popover.setAutoHide(true);
        getChildren().addAll(mode, server, database, state, Ui.spacer(), live, details);
        ctx.session().addListener((o, a, s) -> refresh());
        ctx.serverState().addListener((o, a, s) -> refresh());
        ctx.connectionList().addListener((ListChangeListener<LiveConnection>) ch -> refreshLive());
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last > 250_000_000L) {
                    last = now;
                    refreshLive();
                }
            }
        }.start();
        refresh();
    }

    private static Tooltip tooltip() {
        Tooltip t = new Tooltip();
        t.setShowDelay(Duration.millis(300));
        t.setWrapText(true);
        t.setMaxWidth(640);
        return t;
    }

    private void refresh() {
        ServerSession s = ctx.session().get();
        String url = s == null ? ctx.settings().get().serverUrl() : s.url();
        if (s == null) {
            mode.setText("STARTING");
            database.setText("");
            database.getTooltip().setText("");
        } else {
            mode.setText(s.bundled() ? "BUNDLED" : "EXTERNAL");
            database.setText(databaseShort(s));
            database.getTooltip().setText("Database: " + s.databaseDescription());
        }
        mode.getTooltip().setText(s == null ? "looking for the server" : "Server " + s.mode());
        server.setText("Server " + hostPort(url));
        server.getTooltip().setText("Server URL: " + url);
        mode.getStyleClass().removeAll("badge-bundled", "badge-external");
        mode.getStyleClass().add(s != null && !s.bundled() ? "badge-external" : "badge-bundled");
        state.setText(ctx.serverState().get());
        state.getTooltip().setText(ctx.serverState().get());
        refreshDetails();
    }

    /** "DB :27018" for the bundled database (where scripts/seed looks), else the external database's host. */
    static String databaseShort(ServerSession s) {
        if (!s.hasDatabase()) {
            return "DB unknown";
        }
        int port = MongoUris.port(s.mongoUri());
        return s.bundled() ? "DB embedded :" + port : "DB " + MongoUris.hostPort(s.mongoUri());
    }

    private static String hostPort(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private void refreshLive() {
        long connected = ctx.connectionList().stream().filter(LiveConnection::isConnected).count();
        live.setText(connected + "/" + ctx.connectionList().size() + " connected · " + ctx.timeline().rows().size()
                + " frames");
        StringBuilder each = new StringBuilder();
        ctx.connectionList().forEach(c -> each.append('\n').append(c.display()).append(": ").append(c.detail()));
        live.getTooltip().setText(ctx.connectionList().isEmpty() ? "No connection open" : each.substring(1));
        if (popover.isShowing()) {
            refreshDetails();
        }
    }

    private void refreshDetails() {
        ServerSession s = ctx.session().get();
        StringBuilder text = new StringBuilder();
        text.append("Server     ").append(s == null ? ctx.settings().get().serverUrl() : s.url())
                .append(s == null ? "" : "  (" + s.mode() + ")");
        if (s != null) {
            text.append("\nDatabase   ").append(s.databaseDescription());
        }
        text.append("\nStatus     ").append(ctx.serverState().get());
        ctx.connectionList().forEach(c -> text.append("\n").append(c.display()).append(": ").append(c.detail()));
        detailsText.setText(text.toString());
    }

    private void togglePopover() {
        if (popover.isShowing()) {
            popover.hide();
            return;
        }
        refreshDetails();
        Bounds b = details.localToScreen(details.getBoundsInLocal());
        popover.show(details, b.getMaxX(), b.getMinY());
        // above the bar, right-aligned with the button
        popover.setX(b.getMaxX() - popover.getWidth());
        popover.setY(b.getMinY() - popover.getHeight() - 4);
    }

    /** Whether the details popover is open (tests). */
    public boolean detailsShowing() {
        return popover.isShowing();
    }
}
