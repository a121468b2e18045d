package dev.switchboard.console.scenarios;

import dev.switchboard.console.connections.ConnectRequest;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.scenario.model.Fixture;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.record.RecordedConnection;
import dev.switchboard.scenario.record.RecordedFrame;
import dev.switchboard.scenario.record.Recorder;
import dev.switchboard.scenario.run.RunFrame;
import dev.switchboard.server.fixture.DocumentedFixture;
import java.time.Instant;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One recording in the console: every frame the timeline shows for the console's own connections
 * from start to stop (server-side rows and scenario replays are left out), handed to the
 * {@link Recorder}. Connections already open when recording starts are recorded as connecting first.
 * FX thread only.
 */
final class ConsoleRecording {

    private static final Set<String> DOCUMENTED_USERS = Set.of(DocumentedFixture.JOHN_SNOW.toHexString(),
            DocumentedFixture.KIA_ATRI.toHexString(), DocumentedFixture.ARYA_STARK.toHexString(),
            DocumentedFixture.SANSA_STARK.toHexString(), DocumentedFixture.RAMSAY_BOLTON.toHexString());

    private final Recorder recorder;
    private final ObservableList<Frame> rows;
    private final ObservableList<LiveConnection> connections;
    private final ListChangeListener<Frame> onRows = this::rowsChanged;
    private final ListChangeListener<LiveConnection> onConnections = ch -> remember();
    private final java.util.Map<String, ConnectRequest> requests = new java.util.HashMap<>();
    private boolean usesDocumentedUsers;
    private int frames;

    ConsoleRecording(ObservableList<Frame> rows, ObservableList<LiveConnection> connections) {
        this.rows = rows;
        this.connections = connections;
        this.recorder = new Recorder(Instant.now());
        remember();
        for (LiveConnection c : connections) {
            if (c.isConnected()) {
                recorder.frame(new RecordedFrame(0, c.id(), RunFrame.Kind.CONNECT, "connect", null, 0, null));
            }
        }
        rows.addListener(onRows);
        connections.addListener(onConnections);
    }

    private void remember() {
        for (LiveConnection c : connections) {
            if (requests.putIfAbsent(c.id(), c.request()) == null) {
                ConnectRequest r = c.request();
                recorder.connection(new RecordedConnection(c.id(), r.label(), r.userId(), r.token(), r.namespace(),
                        r.transport().name().toLowerCase(java.util.Locale.ROOT)));
                usesDocumentedUsers |= r.userId() != null && DOCUMENTED_USERS.contains(r.userId());
            }
        }
    }

    private void rowsChanged(ListChangeListener.Change<? extends Frame> change) {
        while (change.next()) {
            if (change.wasAdded()) {
                remember();
                change.getAddedSubList().forEach(this::add);
            }
        }
    }

    private void add(Frame f) {
        RunFrame.Kind kind = switch (f.kind()) {
            case OUT -> RunFrame.Kind.EMIT;
            case ACK -> RunFrame.Kind.ACK;
            case IN -> RunFrame.Kind.PUSH;
            case CONNECT -> RunFrame.Kind.CONNECT;
            case CONNECT_ERROR -> RunFrame.Kind.CONNECT_ERROR;
            case DISCONNECT -> RunFrame.Kind.DISCONNECT;
            default -> null;
        };
        if (kind == null || !requests.containsKey(f.connectionId())) {
            return;
        }
        frames++;
        recorder.frame(new RecordedFrame(f.seq(), f.connectionId(), kind, f.event(), f.payload(), f.requestSeq(),
                f.status()));
    }

    int frames() {
        return frames;
    }

    /** Stops listening and builds the scenario; the documented fixture when its users took part. */
    Scenario stop(String name) {
        rows.removeListener(onRows);
        connections.removeListener(onConnections);
        return recorder.scenario(name, usesDocumentedUsers ? new Fixture.Documented() : Fixture.NONE);
    }
}
