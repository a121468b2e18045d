package dev.switchboard.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.jwt.TokenRejectedException;
import dev.switchboard.server.account.AccountContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.security.TokenCheck;
import java.util.List;

/**
 * {@code POST /verify_token {token}}: 200 {@code {valid: true, userId, issuedAt, expiresAt}} or 200
 * {@code {valid: false, reason}} with the handshake's own reason.
 */
public final class VerifyToken implements RouteHandler {

    private static final int MAX_JWT = 4096;

    private final AccountContext accounts;

    public VerifyToken(AccountContext accounts) {
        this.accounts = accounts;
    }

    @Override
    public RouteAnswer handle(RouteCall call) throws RouteException {
        Fields fields = new Fields(call.body(), List.of("token"));
        String token = fields.secret("token", MAX_JWT);
        fields.check();
        try {
            TokenCheck.Accepted accepted = accounts.tokenCheck().check(token);
            var suspended = accounts.suspension(accepted.userId());
            if (suspended.isPresent()) {
                return RouteAnswer.ok(JsonOut.object().put("valid", false).put("reason", suspended.get()));
            }
            ObjectNode body = JsonOut.object().put("valid", true).put("userId", accepted.userId().toHexString());
            body.put("issuedAt", JsonOut.date(accepted.token().issuedAt()));
            body.put("expiresAt", JsonOut.date(accepted.token().expiresAt()));
            return RouteAnswer.ok(body);
        } catch (TokenRejectedException e) {
            return RouteAnswer.ok(JsonOut.object().put("valid", false).put("reason", e.getMessage()));
        }
    }
}
