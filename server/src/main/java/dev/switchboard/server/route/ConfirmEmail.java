package dev.switchboard.server.route;

import dev.switchboard.server.account.AccountContext;
import dev.switchboard.server.account.AccountTokens.Purpose;
import dev.switchboard.server.json.JsonOut;
import java.util.List;
import org.bson.types.ObjectId;

/** {@code POST /confirm_email {token}}: spends the mailed token and marks the email confirmed. */
public final class ConfirmEmail implements RouteHandler {

    static final int MAX_TOKEN = 200;

    private final AccountContext accounts;

    public ConfirmEmail(AccountContext accounts) {
        this.accounts = accounts;
    }

    @Override
    public RouteAnswer handle(RouteCall call) throws RouteException {
        Fields fields = new Fields(call.body(), List.of("token"));
        String token = fields.secret("token", MAX_TOKEN);
        fields.check();
        ObjectId userId = accounts.tokens().userOf(token, Purpose.CONFIRM_EMAIL).orElseThrow(RouteException::invalidToken);
        if (!accounts.tokens().spend(token, Purpose.CONFIRM_EMAIL) || !accounts.users().confirmEmail(userId, accounts.now())) {
            throw RouteException.invalidToken();
        }
        return RouteAnswer.ok(JsonOut.object().put("userId", userId.toHexString()).put("emailConfirmed", true));
    }
}
