package dev.switchboard.console;

import dev.switchboard.console.connections.ConnectionService;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.core.Background;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.data.Directory;
import dev.switchboard.console.server.ServerLauncher;
import dev.switchboard.console.server.ServerSession;
import dev.switchboard.console.serverview.AdminSession;
import dev.switchboard.console.events.EventBus;
import dev.switchboard.console.tokens.Expiry;
import dev.switchboard.console.settings.Settings;
import dev.switchboard.console.settings.SettingsStore;
import dev.switchboard.console.timeline.TimelineModel;
import dev.switchboard.console.tokens.TokenService;
import dev.switchboard.console.ui.ChoiceSource;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.db.Database;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every view shares: settings, the server session, the database directory, the live connections,
 * the timeline and the background executor. Views never block; they ask this for services and run
 * slow calls on {@link #background()}.
 */
public final class ConsoleContext implements AutoCloseable {

    /** Frames moved into the timeline per animation pulse (60 a second): bounds the UI work per frame. */
    private static final int FRAMES_PER_PULSE = 2_000;

    private final SettingsStore settingsStore;
    private final ServerLauncher launcher;
    private final Background background = new Background();
    private final TokenService tokens = new TokenService();
    private final TimelineModel timeline = new TimelineModel();
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>();
    private final ObjectProperty<ServerSession> session = new SimpleObjectProperty<>();
    private final StringProperty serverState = new SimpleStringProperty("starting…");
    private final ObservableList<LiveConnection> connectionList = FXCollections.observableArrayList();
    private final ConnectionService connections;
    private volatile Directory directory;
    private volatile Database database;
    private AnimationTimer drainer;
    private AdminSession admin;
    /** The user the console's admin token names; blank means the first user of the database. */
    private final StringProperty adminUser = new SimpleStringProperty("");
    private final EventBus events = new EventBus();

    public ConsoleContext(SettingsStore settingsStore, Settings initial, ServerLauncher launcher) {
        this.settingsStore = settingsStore;
        this.launcher = launcher;
        this.settings.set(initial);
        this.connections = new ConnectionService(timeline, this::serverUrl);
        connections.addListener(conn -> Platform.runLater(() -> syncConnection(conn)));
    }

    private void syncConnection(LiveConnection conn) {
        boolean live = connections.connections().contains(conn);
        int index = connectionList.indexOf(conn);
        if (!live) {
            connectionList.remove(conn);
        } else if (index < 0) {
            int at = 0; // keep c1, c2, c3… in order whatever finished connecting first
            while (at < connectionList.size() && number(connectionList.get(at)) < number(conn)) {
                at++;
            }
            connectionList.add(at, conn);
        } else {
            connectionList.set(index, conn); // same object: tells tables and choice boxes to refresh it
        }
    }

    private static int number(LiveConnection c) {
        return Integer.parseInt(c.id().substring(1));
    }

    /** FX thread: starts moving timeline frames into the table, in batches, once per pulse. */
    public void startDrainingTimeline() {
        if (drainer != null) {
            return;
        }
        drainer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                timeline.drain(FRAMES_PER_PULSE);
            }
        };
        drainer.start();
    }

    /** Finds or starts the server in the background; the status bar follows {@link #serverState()}. */
    public void connectServer() {
        Settings s = settings.get();
        serverState.set("looking for a server at " + s.serverUrl() + "…");
        background.run(() -> launcher.start(s), this::attach,
                e -> serverState.set("no server: " + Json.describe(e) + " — fix it in Settings (Ctrl+7)"));
    }

    /** FX thread: uses this server and its database from now on. */
    public void attach(ServerSession s) {
        Database old = database;
        database = s.hasDatabase() ? Database.connect(s.mongoUri()) : null;
        directory = database == null ? null : new Directory(database);
        closeAdmin();
        session.set(s);
        serverState.set(s.note());
        if (old != null) {
            background.execute(old::close);
        }
    }

    /**
     * Saves valid settings and, when asked, applies them: the new server is found or started first, and only
     * once it answers are the connections closed, the old bundled server stopped and the new one used. Invalid
     * settings or a server that does not answer change nothing, saved or running. Exactly one callback runs
     * afterwards, on the FX thread.
     */
    public void saveSettings(Settings s, boolean reconnect, Runnable onSaved, Consumer<Throwable> onError) {
        String problem = s.problem();
        if (problem != null) {
            onError.accept(new IllegalArgumentException(problem));
            return;
        }
        if (!reconnect) {
            background.run(() -> {
                settingsStore.save(s);
                return s;
            }, saved -> {
                settings.set(saved);
                onSaved.run();
            }, onError);
            return;
        }
        String before = serverState.get();
        serverState.set("trying " + s.serverUrl() + "…");
        background.run(() -> {
            ServerSession started = launcher.start(s);
            try {
                settingsStore.save(s);
            } catch (RuntimeException e) {
                launcher.retireAllBut(session.get());
                throw e;
            }
            return started;
        }, started -> {
            connections.close();
            settings.set(s);
            attach(started);
            background.execute(() -> launcher.retireAllBut(started));
            onSaved.run();
        }, e -> {
            serverState.set(before);
            onError.accept(e);
        });
    }

    public String serverUrl() {
        ServerSession s = session.get();
        return s != null ? s.url() : settings.get().serverUrl();
    }

    /** The secret tokens are signed with: the settings' when set, else the server's, else the example secret. */
    public String secret() {
        String configured = settings.get().jwtSecret();
        if (!configured.isEmpty()) {
            return configured;
        }
        ServerSession s = session.get();
        return s != null && s.jwtSecret() != null ? s.jwtSecret() : Jwt.EXAMPLE_SECRET;
    }

    /** @throws IllegalStateException saying what to do when there is no database to read yet */
    public Directory directory() {
        Directory d = directory;
        if (d != null) {
            return d;
        }
        ServerSession s = session.get();
        if (s == null) {
            throw new IllegalStateException("the server is still starting; try again in a moment");
        }
        throw new IllegalStateException("the server at " + s.url()
                + " is external and no MongoDB URI is set: set it in Settings (Ctrl+7) to browse its data");
    }

    /** Whether the console can read the server's database (else moderation goes through /admin). */
    public boolean hasDatabase() {
        return directory != null;
    }

    /**
     * Background threads only: the console's socket on /admin for the current server, opened on first
     * use with a token it signs with role: admin, and connected.
     */
    public AdminSession admin() throws Exception {
        AdminSession open;
        synchronized (this) {
            if (admin == null) {
                String user = adminUser.get().trim();
                if (user.isEmpty()) {
                    user = firstUser();
                }
                String token = tokens.sign(secret(), user, Expiry.none(), java.util.Map.of("role", "admin"));
                admin = AdminSession.open(serverUrl(), token, timeline);
            }
            open = admin;
        }
        try {
            open.awaitConnected();
        } catch (Exception e) {
            synchronized (this) {
                if (admin == open) {
                    admin = null;
                }
            }
            open.close();
            throw e;
        }
        return open;
    }

    /** The admin session if one is open, else null; never opens one. */
    public synchronized AdminSession adminIfOpen() {
        return admin;
    }

    private String firstUser() {
        Directory d = directory;
        if (d == null) {
            throw new IllegalStateException("type the id of a user of that server in the Server view (Ctrl+8): "
                    + "the console signs its /admin token for that user");
        }
        var users = d.searchUsers("", 1);
        if (users.isEmpty()) {
            throw new IllegalStateException("the database has no user to sign the /admin token for: seed some in "
                    + "Fixtures (Ctrl+5)");
        }
        return users.get(0).id();
    }

    /** Closes the admin socket; the next {@link #admin()} opens a new one (after a settings or user change). */
    public void closeAdmin() {
        AdminSession old;
        synchronized (this) {
            old = admin;
            admin = null;
        }
        if (old != null) {
            background.execute(old::close);
        }
    }

    public StringProperty adminUser() {
        return adminUser;
    }

    /** How views tell each other things (typed event records), instead of shared properties. */
    public EventBus events() {
        return events;
    }

    public ChoiceSource choiceSource() {
        return (kind, query) -> directory().choices(kind, query, Directory.DEFAULT_LIMIT);
    }

    public Background background() {
        return background;
    }

    public TokenService tokens() {
        return tokens;
    }

    public TimelineModel timeline() {
        return timeline;
    }

    public ConnectionService connections() {
        return connections;
    }

    /** The live connections, kept in step on the FX thread. */
    public ObservableList<LiveConnection> connectionList() {
        return connectionList;
    }

    public ObjectProperty<Settings> settings() {
        return settings;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public ObjectProperty<ServerSession> session() {
        return session;
    }

    public StringProperty serverState() {
        return serverState;
    }

    @Override
    public void close() {
        if (drainer != null) {
            drainer.stop();
        }
        connections.close();
        AdminSession a = adminIfOpen();
        if (a != null) {
            a.close();
        }
        if (database != null) {
            database.close();
        }
        launcher.close();
        background.close();
    }
}
