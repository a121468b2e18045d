package dev.switchboard.console.server;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.ui.Ui;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** Always at the bottom: the server URL, bundled or external, the database, and what is live. */
public final class StatusBar extends HBox {

    private final ConsoleContext ctx;
    final Label server = new Label();
    final Label mode = new Label();
    final Label database = new Label();
    private final Label live = new Label();
    private final Label state = new Label();

    public StatusBar(ConsoleContext ctx) {
        super(18);
        this.ctx = ctx;
        getStyleClass().add("status-bar");
        server.setId("status-server");
        mode.setId("status-mode");
        database.setId("status-database");
        mode.getStyleClass().add("badge");
        state.getStyleClass().add("status-state");
        getChildren().addAll(mode, server, database, Ui.spacer(), state, live);
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

    private void refresh() {
        ServerSession s = ctx.session().get();
        if (s == null) {
            mode.setText("starting");
            server.setText(ctx.settings().get().serverUrl());
            database.setText("");
        } else {
            mode.setText(s.bundled() ? "BUNDLED" : "EXTERNAL");
            server.setText("Server " + s.url());
            database.setText("DB " + s.databaseDescription());
        }
        mode.getStyleClass().removeAll("badge-bundled", "badge-external");
        mode.getStyleClass().add(s != null && !s.bundled() ? "badge-external" : "badge-bundled");
        state.setText(ctx.serverState().get());
    }

    private void refreshLive() {
        long connected = ctx.connectionList().stream().filter(LiveConnection::isConnected).count();
        live.setText(connected + "/" + ctx.connectionList().size() + " connected · "
                + ctx.timeline().rows().size() + " frames");
    }
}
