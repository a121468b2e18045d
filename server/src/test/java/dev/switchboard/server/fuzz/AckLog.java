package dev.switchboard.server.fuzz;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts acks the Java client received for a call that was already answered: the client drops such a
 * second ack and only logs "bad ack" at FINE, so this handler is the one way to see a double reply.
 */
final class AckLog extends Handler {

    private static final Logger CLIENT = Logger.getLogger("io.socket.client.Socket");
    private final AtomicLong duplicates = new AtomicLong();

    static AckLog install() {
        AckLog log = new AckLog();
        log.setLevel(Level.FINE);
        CLIENT.setLevel(Level.FINE);
        CLIENT.setUseParentHandlers(false);
        CLIENT.addHandler(log);
        return log;
    }

    long duplicates() {
        return duplicates.get();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getMessage() != null && record.getMessage().startsWith("bad ack")) {
            duplicates.incrementAndGet();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        CLIENT.removeHandler(this);
    }
}
