package dev.switchboard.engine.internal.sio;

import dev.switchboard.engine.Ack;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** The ack a client asked for with an event; the first {@link #send} wins. */
final class AckImpl implements Ack {

    static final Ack NONE = new Ack() {
        @Override
        public boolean requested() {
            return false;
        }

        @Override
        public void send(Object... args) { }

        @Override
        public boolean sent() {
            return false;
        }
    };

    private static final AtomicIntegerFieldUpdater<AckImpl> SENT = AtomicIntegerFieldUpdater.newUpdater(AckImpl.class, "sent");

    private final SocketImpl socket;
    private final int id;
    private volatile int sent;

    AckImpl(SocketImpl socket, int id) {
        this.socket = socket;
        this.id = id;
    }

    @Override
    public boolean requested() {
        return true;
    }

    @Override
    public void send(Object... args) {
        if (SENT.compareAndSet(this, 0, 1)) {
            socket.sendAck(id, args);
        }
    }

    @Override
    public boolean sent() {
        return sent == 1;
    }
}
