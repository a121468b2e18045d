package dev.switchboard.server.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.Socket;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.protocol.jwt.TokenRejectedException;
import dev.switchboard.protocol.jwt.VerifiedToken;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.security.Revocations;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Reads the JWT of the handshake ({@code auth.accessToken}, alias {@code auth.token}) and puts its user on the socket. */
public final class Authentication implements ConnectionMiddleware {

    private final Jwt jwt;
    private final UserStore users;
    private final Revocations revocations;

    /** Checks the app's tokens against its users and its revocations. */
    public static Authentication of(AppContext app) {
        return new Authentication(app.jwt(), app.stores().users(), Revocations.of(app));
    }

    public Authentication(Jwt jwt, UserStore users, Revocations revocations) {
        this.jwt = jwt;
        this.users = users;
        this.revocations = revocations;
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
        VerifiedToken verified;
        try {
            verified = jwt.verify(token == null || token.isNull() ? null : token.asText());
        } catch (TokenRejectedException e) {
            return Admission.reject(e.getMessage());
        }
        ObjectId userId = new ObjectId(verified.userId());
        Document user = users.findById(userId).orElse(null);
        if (user == null) {
            return Admission.reject("user " + verified.userId() + " does not exist");
        }
        var revoked = revocations.refusal(userId, verified);
        if (revoked.isPresent()) {
            return Admission.reject(revoked.get());
        }
        SocketUser.set(socket, userId, user.getString(UserStore.USERNAME));
        SocketUser.setRole(socket, verified.claim(SocketUser.ROLE));
        return Admission.admit();
    }
}
