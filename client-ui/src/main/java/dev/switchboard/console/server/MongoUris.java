package dev.switchboard.console.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a MongoDB connection string the status bar shows. */
public final class MongoUris {

    private static final Pattern HOST_PORT = Pattern.compile("^mongodb(?:\\+srv)?://(?:[^@/]*@)?([^/?,]+)");

    private MongoUris() {
    }

    /** The first host's port (27017 when it names none), or -1 when the text is no MongoDB URI. */
    public static int port(String uri) {
        String hostPort = hostPort(uri);
        if (hostPort == null) {
            return -1;
        }
        int colon = hostPort.lastIndexOf(':');
        try {
            return colon < 0 || hostPort.endsWith("]") ? 27017 : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "host:port" of the first host, without credentials; null when the text is no MongoDB URI. */
    public static String hostPort(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher m = HOST_PORT.matcher(uri.trim());
        return m.find() ? m.group(1) : null;
    }
}
