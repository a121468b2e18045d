package dev.switchboard.console.fire;

import dev.switchboard.console.connections.AckOutcome;
import dev.switchboard.console.connections.ConnectionService;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.ui.Notice;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * What the Fire view shows and does, without any control: the chosen event and its argument inputs, the
 * exact arguments they make, the connection to fire through, the last reply, the history and the
 * collection. FX thread only; the views around it bind to its read-only properties.
 */
public final class FireModel {

    private final ConnectionService connections;
    private final ReadOnlyObjectWrapper<EventSpec> event = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<ArgInput>> inputs = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<PreparedArgs> prepared = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<LiveConnection> connection = new SimpleObjectProperty<>();
    private final FilteredList<LiveConnection> usableConnections;
    private final ReadOnlyObjectWrapper<FireReply> reply = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<SavedRequest> collection = FXCollections.observableArrayList();

    /**
     * @param liveConnections the console's connections, kept in step on the FX thread
     */
    public FireModel(ConnectionService connections, ObservableList<LiveConnection> liveConnections) {
        this.connections = connections;
        usableConnections = new FilteredList<>(liveConnections, c -> false);
        usableConnections.addListener((ListChangeListener<LiveConnection>) ch -> connectionsChanged());
        select(EventCatalog.require("message/new"));
    }

    /** Shows the form of an event, with each argument at its default. */
    public void select(EventSpec spec) {
        showInputs(spec, spec.args().stream().map(ArgInput::new).toList());
    }

    /** Puts a request sent before (history, a collection) back into the form. */
    public void load(SavedRequest request) {
        EventSpec spec = EventCatalog.require(request.event());
        List<ArgInput> loaded = new ArrayList<>();
        for (int i = 0; i < spec.args().size(); i++) {
            ArgInput input = new ArgInput(spec.args().get(i));
            input.load(i < request.args().size() ? request.args().get(i) : null);
            loaded.add(input);
        }
        showInputs(spec, loaded);
    }

    private void showInputs(EventSpec spec, List<ArgInput> fresh) {
        event.set(spec);
        usableConnections.setPredicate(c -> c.namespace().equals(spec.namespace()));
        inputs.set(List.copyOf(fresh));
        notice.set(null);
        connectionsChanged();
        argumentsChanged();
    }

    /** Called after every edit of an input: the preview follows, and the reply of other arguments goes. */
    public void argumentsChanged() {
        prepared.set(PreparedArgs.from(inputs.get()));
        FireReply last = reply.get();
        if (last != null && !last.pending()) {
            reply.set(null);
        }
        if (notice.get() != null && notice.get().kind() != Notice.Kind.BUSY) {
            notice.set(null);
        }
    }

    private void connectionsChanged() {
        LiveConnection chosen = connection.get();
        boolean gone = chosen != null && !usableConnections.contains(chosen);
        if (chosen == null || gone || !chosen.isConnected()) {
            LiveConnection live = usableConnections.stream().filter(LiveConnection::isConnected).findFirst()
                    .orElse(null);
            if (live != null || gone) {
                connection.set(live);
            }
        }
        if (gone && notice.get() != null) {
            notice.set(null); // it spoke of a connection that is no more
        }
    }

    /** Ctrl+Enter: fires the form's request, or says why it cannot. */
    public void fire() {
        PreparedArgs p = prepared.get();
        if (!p.sendable()) {
            notice.set(Notice.error("fix " + p.errors().get(0) + (p.errors().size() > 1 ? " (and "
                    + (p.errors().size() - 1) + " more)" : "")));
            return;
        }
        fire(new SavedRequest(event.get().name(), event.get().name(), p.args()));
    }

    /** Fires a request through the chosen connection; nothing is sent or logged unless it is connected. */
    public void fire(SavedRequest request) {
        LiveConnection conn = connection.get();
        EventSpec spec = EventCatalog.require(request.event());
        if (conn == null) {
            notice.set(Notice.error("no live connection on " + spec.namespace() + ": open one in Connections (Ctrl+2)"
                    + (EventCatalog.ADMIN.equals(spec.namespace()) ? " with namespace /admin" : "")));
            return;
        }
        if (!conn.isConnected()) {
            notice.set(Notice.error(conn.display() + " is " + conn.status().label().toLowerCase() + " ("
                    + conn.detail() + "): nothing was sent; pick a connected one"));
            return;
        }
        HistoryEntry entry = new HistoryEntry(LocalTime.now(), conn.display(), request, null, 0);
        history.add(0, entry);
        notice.set(Notice.busy("fired " + request.event() + " through " + conn.display() + "…"));
        reply.set(FireReply.waiting(request.event(), conn.display()));
        connections.emit(conn, request.event(), request.args(),
                outcome -> Platform.runLater(() -> answered(entry, outcome)));
    }

    /** Fires every request of the collection, in order. */
    public void fireCollection() {
        if (collection.isEmpty()) {
            notice.set(Notice.warn("the collection is empty"));
            return;
        }
        for (SavedRequest r : List.copyOf(collection)) {
            load(r);
            fire(r);
        }
    }

    private void answered(HistoryEntry entry, AckOutcome outcome) {
        int index = history.indexOf(entry);
        if (index >= 0) {
            history.set(index, entry.answered(outcome.status(), outcome.rttMillis()));
        }
        FireReply shown = reply.get();
        if (shown != null && shown.pending() && shown.event().equals(entry.request().event())
                && shown.connection().equals(entry.connection())) {
            reply.set(new FireReply(entry.request().event(), entry.connection(), outcome.status(),
                    outcome.rttMillis(), outcome.reply()));
        }
        if (outcome.ok()) {
            notice.set(Notice.ok("ok in " + outcome.rttMillis() + " ms"));
        } else {
            String error = outcome.reply() == null ? outcome.status()
                    : outcome.reply().path("error").asText(outcome.status());
            notice.set(Notice.error(outcome.status() + ": " + error));
        }
    }

    /** Keeps the form's request in the collection under a name (the event's when blank). */
    public void keepCurrent(String name) {
        PreparedArgs p = prepared.get();
        if (!p.sendable()) {
            notice.set(Notice.error("cannot keep this request: fix " + p.errors().get(0)));
            return;
        }
        collection.add(new SavedRequest(name == null || name.isBlank() ? event.get().name() : name.trim(),
                event.get().name(), p.args()));
    }

    /** Reports the outcome of work done around the model (saving a collection, a failed search). */
    public void tell(Notice n) {
        notice.set(n);
    }

    public ReadOnlyObjectProperty<EventSpec> event() {
        return event.getReadOnlyProperty();
    }

    /** The inputs of the current form; replaced (not edited) when another event or request is shown. */
    public ReadOnlyObjectProperty<List<ArgInput>> inputs() {
        return inputs.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreparedArgs> prepared() {
        return prepared.getReadOnlyProperty();
    }

    /** The connection to fire through: settable, defaults to a connected one of the event's namespace. */
    public ObjectProperty<LiveConnection> connection() {
        return connection;
    }

    /** The connections of the event's namespace, whatever their state. */
    public ObservableList<LiveConnection> usableConnections() {
        return usableConnections;
    }

    public ReadOnlyObjectProperty<FireReply> reply() {
        return reply.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice.getReadOnlyProperty();
    }

    public ObservableList<HistoryEntry> history() {
        return historyView;
    }

    public ObservableList<SavedRequest> collection() {
        return collection;
    }
}
