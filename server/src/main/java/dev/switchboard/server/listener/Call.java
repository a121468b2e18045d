package dev.switchboard.server.listener;

import dev.switchboard.engine.Socket;
import dev.switchboard.server.args.Args;
import java.util.Date;
import org.bson.types.ObjectId;

/**
 * One call of a listener.
 *
 * @param me   the authenticated user of the socket
 * @param args the arguments, parsed by the catalog
 * @param now  the time of the call, as stored
 */
public record Call(String event, Socket socket, ObjectId me, Args args, Date now) {
}
