package dev.switchboard.server.listener;

import dev.switchboard.engine.ClientText;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Listener error} lines of the main and admin namespaces. Client-chosen text (the event
 * name, values quoted in the error) is escaped and capped ({@link ClientText}), and one connection
 * repeating the same kind of failure gets one line per kind every ten seconds, with the number of
 * repeats left out, so that a client cannot flood the log.
 */
final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String STATE = "switchboard.failureLog";
    static final long FOLD_NANOS = 10_000_000_000L;
    private static final int ERROR_LIMIT = 300;

    private final LongSupplier nanos;

    FailureLog() {
        this(System::nanoTime);
    }

    FailureLog(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * Logs a failure of {@code event} unless the same {@code kind} failed on this socket within the
     * last ten seconds; {@code cause} (a server fault) is always logged with its stack trace.
     */
    void failed(Socket socket, String event, String kind, String error, Throwable cause) {
        String shownEvent = ClientText.of(event);
        String shownError = ClientText.of(error, ERROR_LIMIT);
        if (cause != null) {
            LOG.error("Listener error: {} User-id: {} Socket-id: {} Error: {}", shownEvent, SocketUser.logId(socket),
                    socket.id(), shownError, cause);
            return;
        }
        Fold fold = (Fold) socket.data().computeIfAbsent(STATE, k -> new Fold());
        long folded = fold.admit(kind, nanos.getAsLong());
        if (folded < 0) {
            return;
        }
        LOG.warn("Listener error: {} User-id: {} Socket-id: {} Error: {}{}", shownEvent, SocketUser.logId(socket),
                socket.id(), shownError, folded == 0 ? ""
                        : " (" + folded + " more failures of this kind from this connection were not logged)");
    }

    /** The last kind logged on one socket, since when, and how many repeats were left out. */
    private static final class Fold {
        private String kind;
        private long since;
        private long leftOut;

        /** -1 to leave this one out; otherwise the repeats left out before it. */
        synchronized long admit(String failureKind, long now) {
            if (failureKind.equals(kind) && now - since < FOLD_NANOS) {
                leftOut++;
                return -1;
            }
            long before = failureKind.equals(kind) ? leftOut : 0;
            kind = failureKind;
            since = now;
            leftOut = 0;
            return before;
        }
    }
}
