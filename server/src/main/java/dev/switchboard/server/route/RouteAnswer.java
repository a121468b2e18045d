package dev.switchboard.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A route's answer: status and JSON body. */
public record RouteAnswer(int status, ObjectNode body) {

    public static RouteAnswer ok(ObjectNode body) {
        return new RouteAnswer(200, body);
    }
}
