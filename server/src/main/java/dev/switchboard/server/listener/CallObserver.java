package dev.switchboard.server.listener;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.Socket;
import dev.switchboard.protocol.reply.ReplyStatus;
import java.util.List;

/**
 * Told of every call the dispatcher answered: the event, the arguments as sent, the reply's status and
 * how long parsing and the listener took. Runs on the socket's handler thread right after the reply:
 * it must be quick.
 */
@FunctionalInterface
public interface CallObserver {

    CallObserver NONE = (socket, event, args, status, durationNanos) -> { };

    void called(Socket socket, String event, List<JsonNode> args, ReplyStatus status, long durationNanos);
}
