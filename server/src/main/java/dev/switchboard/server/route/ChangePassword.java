package dev.switchboard.server.route;

import dev.switchboard.server.account.AccountContext;
import dev.switchboard.server.account.AccountTokens.Purpose;
import dev.switchboard.server.account.PasswordPolicy;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.UserStore;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * {@code POST /change_password {token, password}}: with the mailed reset token, sets the new password,
 * spends the token (and every other reset token of the user) and revokes every session token of the
 * user, on every node. A password the policy refuses leaves the token unspent.
 */
public final class ChangePassword implements RouteHandler {

    private final AccountContext accounts;

    public ChangePassword(AccountContext accounts) {
        this.accounts = accounts;
    }

    @Override
    public RouteAnswer handle(RouteCall call) throws RouteException {
        Fields fields = new Fields(call.body(), List.of("token", "password"));
        String token = fields.secret("token", ConfirmEmail.MAX_TOKEN);
        String password = fields.secret("password", PasswordPolicy.MAX_LENGTH * 2);
        fields.check();
        ObjectId userId = accounts.tokens().userOf(token, Purpose.RESET_PASSWORD).orElseThrow(RouteException::invalidToken);
        Document user = accounts.users().findById(userId).orElseThrow(RouteException::invalidToken);
        PasswordPolicy.problem(password, user.getString(UserStore.USERNAME), user.getString(UserStore.EMAIL))
                .ifPresent(reason -> fields.fault("password", reason));
        fields.check();
        if (!accounts.tokens().spend(token, Purpose.RESET_PASSWORD)) {
            throw RouteException.invalidToken();
        }
        accounts.users().setPassword(userId, accounts.passwords().hash(password));
        accounts.tokens().forgetAll(userId, Purpose.RESET_PASSWORD);
        Instant revokedAt = accounts.revocations().revoke(userId);
        return RouteAnswer.ok(JsonOut.object().put("userId", userId.toHexString())
                .put("sessionsRevokedAt", JsonOut.date(revokedAt)));
    }
}
