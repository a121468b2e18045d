package dev.switchboard.server.admin;

import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.middleware.Admission;
import dev.switchboard.server.middleware.ConnectionMiddleware;

/** Admits to {@code /admin} only a socket whose verified token carries {@code role: "admin"}; runs after authentication. */
public final class AdminRole implements ConnectionMiddleware {

    public static final String ADMIN = "admin";

    @Override
    public String name() {
        return "adminRole";
    }

    @Override
    public Admission admit(Socket socket) {
        String role = SocketUser.role(socket);
        if (!ADMIN.equals(role)) {
            return Admission.reject("the token has " + (role == null ? "no role claim" : "role \"" + role + "\"")
                    + "; /admin needs a token signed with role: \"admin\"");
        }
        return Admission.admit();
    }
}
