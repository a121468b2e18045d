package dev.switchboard.server.admin;

import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.middleware.Admission;
import dev.switchboard.server.middleware.ConnectionMiddleware;
import java.util.Set;

/**
 * Admits to {@code /admin} only a socket whose verified token carries {@code role: "admin"} or
 * {@code role: "moderator"}; runs after authentication. A moderator may browse users and act on them and
 * their content (suspend, lift, remove, revoke, the audit log), but may not list or disconnect sockets,
 * read the server's statistics or watch the live traffic stream: those stay with admins.
 */
public final class AdminRole implements ConnectionMiddleware {

    public static final String ADMIN = "admin";
    public static final String MODERATOR = "moderator";
    private static final Set<String> ROLES = Set.of(ADMIN, MODERATOR);

    @Override
    public String name() {
        return "adminRole";
    }

    @Override
    public Admission admit(Socket socket) {
        String role = SocketUser.role(socket);
        if (role == null || !ROLES.contains(role)) {
            return Admission.reject("the token has " + (role == null ? "no role claim" : "role \"" + role + "\"")
                    + "; /admin needs a token signed with role: \"admin\" or \"moderator\"");
        }
        return Admission.admit();
    }

    public static boolean isAdmin(Socket socket) {
        return ADMIN.equals(SocketUser.role(socket));
    }
}
