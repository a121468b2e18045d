package dev.switchboard.server.route;

/** Answers one route. Runs on a worker thread: it may block on the database and on password hashing. */
@FunctionalInterface
public interface RouteHandler {

    RouteAnswer handle(RouteCall call) throws RouteException;
}
