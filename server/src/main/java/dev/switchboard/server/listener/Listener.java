package dev.switchboard.server.listener;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Handles one client event of the catalog; which one is said where it is wired ({@link Routes#on}).
 * The dispatcher parses the arguments first, and turns a thrown
 * {@link dev.switchboard.protocol.reply.ReplyException} into a failure reply.
 */
@FunctionalInterface
public interface Listener {

    /** The success reply ({@code Reply.ok()} plus the result fields). */
    ObjectNode handle(Call call);
}
