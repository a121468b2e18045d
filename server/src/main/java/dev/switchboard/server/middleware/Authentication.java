package dev.switchboard.server.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.Socket;
import dev.switchboard.protocol.jwt.TokenRejectedException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.security.TokenCheck;
import dev.switchboard.server.store.UserStore;

/** Reads the JWT of the handshake ({@code auth.accessToken}, alias {@code auth.token}) and puts its user on the socket. */
public final class Authentication implements ConnectionMiddleware {

    private final TokenCheck tokens;

    /** Checks the app's tokens against its users and its revocations. */
    public static Authentication of(AppContext app) {
        return new Authentication(app.tokenCheck());
    }

    public Authentication(TokenCheck tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "authentication";
    }

    @Override
    public Admission admit(Socket socket) {
        JsonNode auth = socket.handshake().auth();
        JsonNode token = auth == null ? null : auth.get("accessToken");
        if (token == null || token.isNull()) {
            token = auth == null ? null : auth.get("token");
        }
        if (token != null && !token.isNull() && !token.isTextual()) {
            return Admission.reject("auth.accessToken must be a JWT string");
        }
        TokenCheck.Accepted accepted;
        try {
            accepted = tokens.check(token == null || token.isNull() ? null : token.asText());
        } catch (TokenRejectedException e) {
            return Admission.reject(e.getMessage());
        }
        SocketUser.set(socket, accepted.userId(), accepted.user().getString(UserStore.USERNAME));
        SocketUser.setRole(socket, accepted.token().claim(SocketUser.ROLE));
        return Admission.admit();
    }
}
