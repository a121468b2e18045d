package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decoded Socket.IO packet from a client.
 *
 * @param ackId -1 when no ack was asked for
 * @param data  the JSON payload, binary attachments already in place; null when absent
 * @param receivedNanos {@link System#nanoTime()} when it was complete
 */
record SioPacket(int type, String namespace, int ackId, JsonNode data, long receivedNanos) {

    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;
    static final int BINARY_EVENT = 5;
    static final int BINARY_ACK = 6;
}
