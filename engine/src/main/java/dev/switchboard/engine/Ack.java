package dev.switchboard.engine;

/** The acknowledgement a client asked for. Only the first {@link #send} counts; later ones are ignored. */
public interface Ack {

    boolean requested();

    /** Sends the ack with these arguments (converted like emit arguments). No-op when not requested. */
    void send(Object... args);

    /** True once {@link #send} went out. */
    boolean sent();
}
