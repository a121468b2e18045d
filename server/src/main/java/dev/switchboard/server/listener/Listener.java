package dev.switchboard.server.listener;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Handles one client event of the catalog. The dispatcher parses the arguments first, and turns a
 * thrown {@link dev.switchboard.protocol.reply.ReplyException} into a failure reply.
 */
public interface Listener {

    /** The catalog name of the event, e.g. {@code tweet/like/toggle}. */
    String event();

    /** The success reply ({@code Reply.ok()} plus the result fields). */
    ObjectNode handle(Call call);
}
