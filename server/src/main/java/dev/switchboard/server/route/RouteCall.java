package dev.switchboard.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of a route: its JSON body (always an object) and the caller's IP address.
 */
public record RouteCall(ObjectNode body, String address) {
}
