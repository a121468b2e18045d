package dev.switchboard.server.route;

import dev.switchboard.server.account.AccountContext;
import java.util.List;

/** Every HTTP route of the server, each beside its handler (docs/protocol.md, "HTTP routes"). */
public final class HttpRoutes {

    private HttpRoutes() {
    }

    public static List<Route> all(AccountContext accounts) {
        return List.of(
                Route.post("/register", new Register(accounts)),
                Route.post("/confirm_email", new ConfirmEmail(accounts)),
                Route.post("/login", new Login(accounts)),
                Route.post("/verify_token", new VerifyToken(accounts)),
                Route.post("/reset_password", new ResetPassword(accounts)),
                Route.post("/change_password", new ChangePassword(accounts)));
    }
}
