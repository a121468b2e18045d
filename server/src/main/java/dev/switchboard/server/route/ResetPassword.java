package dev.switchboard.server.route;

import dev.switchboard.server.account.AccountContext;
import dev.switchboard.server.account.AccountMails;
import dev.switchboard.server.account.AccountTokens.Purpose;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.security.AttemptLimit;
import dev.switchboard.server.store.UserStore;
import java.util.List;

/**
 * {@code POST /reset_password {email}}: always 202, whether or not an account has that email (no account
 * enumeration); when one has, it is mailed a single-use reset token. 429 past the attempts allowed per
 * email or per address.
 */
public final class ResetPassword implements RouteHandler {

    static final String ACCEPTED = "if an account has this email, a reset code was mailed to it";

    private final AccountContext accounts;
    private final AttemptLimit perAccount;
    private final AttemptLimit perAddress;

    public ResetPassword(AccountContext accounts) {
        this.accounts = accounts;
        this.perAccount = new AttemptLimit(accounts.limits().resetPerAccount());
        this.perAddress = new AttemptLimit(accounts.limits().resetPerAddress());
    }

    @Override
    public RouteAnswer handle(RouteCall call) throws RouteException {
        Fields fields = new Fields(call.body(), List.of("email"));
        String email = fields.email("email");
        fields.check();
        Attempts.take(perAddress, call.address(), "from this address");
        Attempts.take(perAccount, email, "for this email");
        accounts.users().findByEmail(email).ifPresent(user -> {
            String token = accounts.tokens().issue(user.getObjectId("_id"), Purpose.RESET_PASSWORD);
            accounts.mail().send(AccountMails.passwordReset(email, user.getString(UserStore.NAME), token));
        });
        return new RouteAnswer(202, JsonOut.object().put("message", ACCEPTED));
    }
}
