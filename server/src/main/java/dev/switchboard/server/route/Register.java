package dev.switchboard.server.route;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import dev.switchboard.server.account.AccountContext;
import dev.switchboard.server.account.AccountMails;
import dev.switchboard.server.account.AccountTokens.Purpose;
import dev.switchboard.server.account.PasswordPolicy;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.UserStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * {@code POST /register {name, family, username, email, password, phone?}}: 201 {@code {userId,
 * emailConfirmed: false}} and a confirmation mail; 400 naming each bad field; 409 when the username or
 * the email is taken (ignoring case).
 */
public final class Register implements RouteHandler {

    static final List<String> FIELDS = List.of("name", "family", "username", "email", "password", "phone");

    private final AccountContext accounts;

    public Register(AccountContext accounts) {
        this.accounts = accounts;
    }

    @Override
    public RouteAnswer handle(RouteCall call) throws RouteException {
        Fields fields = new Fields(call.body(), FIELDS);
        String name = fields.text("name", 1, 50);
        String family = fields.text("family", 1, 50);
        String username = fields.username("username");
        String email = fields.email("email");
        String password = fields.secret("password", PasswordPolicy.MAX_LENGTH * 2);
        Long phone = fields.optionalPhone("phone");
        if (password != null) {
            PasswordPolicy.problem(password, username, email).ifPresent(reason -> fields.fault("password", reason));
        }
        fields.check();

        Map<String, String> taken = new LinkedHashMap<>();
        if (accounts.users().usernameTakenIgnoringCase(username)) {
            taken.put("username", "taken");
        }
        if (accounts.users().findByEmail(email).isPresent()) {
            taken.put("email", "taken");
        }
        if (!taken.isEmpty()) {
            throw RouteException.conflict(taken);
        }
        ObjectId id = insert(name, family, username, email, accounts.passwords().hash(password), phone);
        String token = accounts.tokens().issue(id, Purpose.CONFIRM_EMAIL);
        accounts.mail().send(AccountMails.confirmation(email, name, token));
        return new RouteAnswer(201, JsonOut.object().put("userId", id.toHexString()).put("emailConfirmed", false));
    }

    private ObjectId insert(String name, String family, String username, String email, String hash, Long phone)
            throws RouteException {
        Date now = accounts.now();
        Document user = new Document(UserStore.NAME, name)
                .append(UserStore.FAMILY, family)
                .append(UserStore.USERNAME, username)
                .append(UserStore.HASH_PASSWORD, hash)
                .append(UserStore.EMAIL, email)
                .append(UserStore.PHONE, phone)
                .append(UserStore.PHOTO, null)
                .append(UserStore.BIOGRAPHY, null)
                .append(UserStore.LAST_SEEN, now)
                .append(UserStore.REGISTER_AT, now)
                .append(UserStore.EMAIL_CONFIRMATION, null)
                .append(UserStore.FOLLOWING, new ArrayList<>())
                .append(UserStore.BLOCK, new ArrayList<>())
                .append(UserStore.SETTING, new Document());
        try {
            return accounts.users().insert(user);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // a registration of the same name or email won the race since the checks above
            String field = e.getMessage().contains(UserStore.EMAIL) ? "email" : "username";
            throw RouteException.conflict(Map.of(field, "taken"));
        }
    }
}
