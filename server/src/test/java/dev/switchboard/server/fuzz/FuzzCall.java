package dev.switchboard.server.fuzz;

import java.util.List;

/**
 * One generated call: which connection makes it, the listener, and its positional arguments (fewer than
 * the catalog lists means missing ones, more means extra ones).
 */
record FuzzCall(int actor, String event, List<Arg> args) {
}
