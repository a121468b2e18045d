package dev.switchboard.server.route;

import dev.switchboard.server.account.AccountContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.security.AttemptLimit;
import dev.switchboard.server.store.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * {@code POST /login {username, password}} (username or email): 200 {@code {accessToken, userId,
 * emailConfirmed, expiresAt}} with a token the handshake accepts; 401 with one sentence for a wrong user
 * or password; 429 past the attempts allowed per account or per address.
 */
public final class Login implements RouteHandler {

    public static final Duration TOKEN_TTL = Duration.ofHours(24);
    static final String WRONG = "wrong username or password";

    private final AccountContext accounts;
    private final AttemptLimit perAccount;
    private final AttemptLimit perAddress;

    public Login(AccountContext accounts) {
        this.accounts = accounts;
        this.perAccount = new AttemptLimit(accounts.limits().loginPerAccount());
        this.perAddress = new AttemptLimit(accounts.limits().loginPerAddress());
    }

    @Override
    public RouteAnswer handle(RouteCall call) throws RouteException {
        Fields fields = new Fields(call.body(), List.of("username", "password"));
        String login = fields.text("username", 1, Fields.MAX_EMAIL);
        String password = fields.secret("password", 1024);
        fields.check();
        String key = login.toLowerCase(Locale.ROOT);
        Attempts.take(perAddress, call.address(), "from this address");
        Attempts.take(perAccount, key, "for this account");

        Optional<Document> found = key.contains("@") ? accounts.users().findByEmail(key)
                : accounts.users().findByUsername(login).or(() -> accounts.users().findByUsername(key));
        if (found.isEmpty()) {
            accounts.passwords().burn(password);
            throw new RouteException(401, "unauthorized", WRONG);
        }
        Document user = found.get();
        String stored = user.getString(UserStore.HASH_PASSWORD);
        if (!accounts.passwords().matches(password, stored)) {
            throw new RouteException(401, "unauthorized", WRONG);
        }
        ObjectId userId = user.getObjectId("_id");
        Optional<String> suspended = accounts.suspension(userId);
        if (suspended.isPresent()) {
            throw new RouteException(403, "suspended", suspended.get());
        }
        if (accounts.passwords().needsRehash(stored)) {
            accounts.users().setPassword(userId, accounts.passwords().hash(password));
        }
        waitPastRevocation(userId);
        String token = accounts.jwt().sign(userId.toHexString(), TOKEN_TTL, Map.of());
        return RouteAnswer.ok(JsonOut.object()
                .put("accessToken", token)
                .put("userId", userId.toHexString())
                .put("emailConfirmed", user.get(UserStore.EMAIL_CONFIRMATION) != null)
                .put("expiresAt", JsonOut.date(accounts.clock().instant().plus(TOKEN_TTL))));
    }

    /**
     * A revocation refuses tokens issued up to its second (iat has whole seconds): right after a password
     * change, wait for the next second so the new token is not born revoked.
     */
    private void waitPastRevocation(ObjectId userId) {
        Optional<Date> cutoff = accounts.revocationStore().tokensValidAfter(userId);
        if (cutoff.isEmpty()) {
            return;
        }
        Instant firstValid = Instant.ofEpochSecond(cutoff.get().toInstant().getEpochSecond() + 1);
        // a loop, not one sleep: sleep follows the monotonic clock and may wake a hair before the wall clock's second
        for (int round = 0; round < 50 && accounts.clock().instant().isBefore(firstValid); round++) {
            long waitMillis = Duration.between(accounts.clock().instant(), firstValid).toMillis() + 1;
            if (waitMillis > 1001) {
                return; // a revocation in the future: nothing a short wait mends
            }
            try {
                Thread.sleep(Math.max(1, waitMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
