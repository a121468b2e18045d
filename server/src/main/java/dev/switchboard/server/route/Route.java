package dev.switchboard.server.route;

/** A method and path beside the handler that answers it. */
public record Route(String method, String path, RouteHandler handler) {

    public static Route post(String path, RouteHandler handler) {
        return new Route("POST", path, handler);
    }
}
