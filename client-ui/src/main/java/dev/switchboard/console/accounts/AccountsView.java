package dev.switchboard.console.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.connections.ConnectRequest;
import dev.switchboard.console.connections.ConnectionsView;
import dev.switchboard.console.connections.Transport;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.events.ShowView;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The account routes as a user meets them: register through {@code POST /register}, open the outbox and
 * confirm with the mailed code, log in and open a connection with the returned token, reset a password.
 * Every call runs in the background; its answer shows below, and a refused field's reason beside it.
 */
public final class AccountsView implements ConsoleView {

    private static final int OUTBOX_ROWS = 50;

    private final ConsoleContext ctx;
    private final AccountRoutes routes;
    private final VBox root;

    final Map<String, TextInputControl> registerFields = new LinkedHashMap<>();
    private final Map<String, Label> registerErrors = new LinkedHashMap<>();
    final Button register = Ui.primary("Register", e -> register());

    final TableView<OutboxMail> outbox = new TableView<>();
    final TextArea mailText = Ui.codeArea(false);
    final Button useMail = Ui.primary("Confirm email", e -> useSelectedMail());
    final Button refreshOutbox = Ui.button("Refresh", e -> refreshOutbox());

    final TextField loginName = new TextField();
    final PasswordField loginPassword = new PasswordField();
    final Button login = Ui.primary("Log in", e -> login());
    final TextField accessToken = new TextField();
    private String loggedInUserId;
    final Button connect = Ui.button("Connect with this token", e -> connect());

    final TextField resetEmail = new TextField();
    final Button reset = Ui.button("Send reset mail", e -> requestReset());
    final TextField resetCode = new TextField();
    final PasswordField newPassword = new PasswordField();
    final Button change = Ui.primary("Change password", e -> changePassword());

    final TextArea reply = Ui.codeArea(false);
    public final StatusLine status = new StatusLine();

    public AccountsView(ConsoleContext ctx) {
        this.ctx = ctx;
        this.routes = new AccountRoutes(ctx::serverUrl);
        root = Ui.page(Ui.title("Accounts"),
                new HBox(12, Ui.grow(registerCard()), Ui.grow(loginCard())),
                new HBox(12, Ui.grow(outboxCard()), Ui.grow(resetCard())),
                Ui.grow(Ui.card("Answer", status, Ui.grow(reply))));
        register.setId("accounts-register");
        login.setId("accounts-login");
        connect.setId("accounts-connect");
        useMail.setId("accounts-use-mail");
        change.setId("accounts-change");
        reset.setId("accounts-reset");
        connect.setDisable(true);
        reply.setPrefRowCount(6);
        reply.setId("accounts-reply");
    }

    private VBox registerCard() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        int row = 0;
        for (String field : List.of("name", "family", "username", "email", "password", "phone")) {
            TextInputControl input = field.equals("password") ? new PasswordField() : new TextField();
            input.setId("register-" + field);
            input.setPromptText(field.equals("phone") ? "optional, 6 to 15 digits" : "");
            Label error = new Label();
            error.getStyleClass().add("status-error");
            error.setWrapText(true);
            registerFields.put(field, input);
            registerErrors.put(field, error);
            form.addRow(row++, new Label(field), Ui.grow(input), error);
        }
        ((TextField) registerFields.get("phone")).setOnAction(e -> register());
        return Ui.card("Register (POST /register)", form, register);
    }

    private VBox loginCard() {
        loginName.setPromptText("username or email");
        loginName.setId("login-name");
        loginPassword.setId("login-password");
        loginPassword.setOnAction(e -> login());
        accessToken.setEditable(false);
        accessToken.getStyleClass().add("code");
        accessToken.setId("login-token");
        Button copy = Ui.button("Copy", e -> Ui.copy(accessToken.getText()));
        return Ui.card("Log in (POST /login)", Ui.row(Ui.grow(loginName), Ui.grow(loginPassword), login),
                Ui.hint("The answer's accessToken is the token the socket handshake takes."),
                Ui.row(Ui.grow(accessToken), copy), connect);
    }

    private VBox outboxCard() {
        outbox.setId("accounts-outbox");
        outbox.getColumns().add(column("sent", m -> m.sentAt() == null ? "" : m.sentAt().toInstant().toString()));
        outbox.getColumns().add(column("to", OutboxMail::to));
        outbox.getColumns().add(column("subject", OutboxMail::subject));
        outbox.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        outbox.setPrefHeight(160);
        outbox.setPlaceholder(new Label("No mail yet. Register or ask for a reset, then Refresh."));
        outbox.getSelectionModel().selectedItemProperty().addListener((o, a, mail) -> showMail(mail));
        outbox.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                useSelectedMail();
            }
        });
        outbox.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                useSelectedMail();
            }
        });
        mailText.setPrefRowCount(5);
        useMail.setDisable(true);
        return Ui.card("Outbox (mails kept when the server has no --smtp-uri)",
                Ui.row(Ui.hint("Double-click or Enter on a mail uses its code."), Ui.spacer(), refreshOutbox),
                Ui.grow(outbox), mailText, useMail);
    }

    private VBox resetCard() {
        resetEmail.setPromptText("email");
        resetEmail.setId("reset-email");
        resetEmail.setOnAction(e -> requestReset());
        resetCode.setPromptText("code from the reset mail (pick it in the outbox)");
        resetCode.setId("reset-code");
        newPassword.setPromptText("new password, at least 10 characters");
        newPassword.setId("reset-new-password");
        newPassword.setOnAction(e -> changePassword());
        return Ui.card("Reset a password (POST /reset_password, /change_password)",
                Ui.row(Ui.grow(resetEmail), reset), resetCode, Ui.row(Ui.grow(newPassword), change),
                Ui.hint("Changing the password signs the user out everywhere: every earlier token is revoked."));
    }

    private static TableColumn<OutboxMail, String> column(String title, java.util.function.Function<OutboxMail, String> value) {
        TableColumn<OutboxMail, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return c;
    }

    private void register() {
        Map<String, Object> body = new LinkedHashMap<>();
        registerFields.forEach((field, input) -> {
            if (!(field.equals("phone") && input.getText().isBlank())) {
                body.put(field, input.getText());
            }
        });
        registerErrors.values().forEach(l -> l.setText(""));
        call("/register", body, r -> {
            JsonNode fields = r.body() == null ? null : r.body().get("fields");
            if (fields != null) {
                fields.fields().forEachRemaining(f -> {
                    Label error = registerErrors.get(f.getKey());
                    if (error != null) {
                        error.setText(f.getValue().asText());
                    }
                });
            }
            if (r.ok()) {
                loginName.setText(registerFields.get("username").getText());
                awaitMail(registerFields.get("email").getText().strip());
            }
        });
    }

    private void login() {
        call("/login", Map.of("username", loginName.getText(), "password", loginPassword.getText()), r -> {
            accessToken.setText(r.ok() ? r.text("accessToken") : "");
            loggedInUserId = r.ok() ? r.text("userId") : null;
            connect.setDisable(!r.ok());
        });
    }

    private void connect() {
        String token = accessToken.getText();
        String label = loginName.getText().isBlank() ? "logged in" : loginName.getText();
        ctx.background().run(() -> ctx.connections().open(new ConnectRequest(label, loggedInUserId, token, "/",
                        Transport.WEBSOCKET)),
                c -> {
                    status.ok("opened " + c.display() + " with the login token");
                    ctx.events().publish(new ShowView(ConnectionsView.class));
                },
                e -> status.error("cannot open the connection: " + Json.describe(e)));
    }

    private void requestReset() {
        call("/reset_password", Map.of("email", resetEmail.getText()), r -> {
            if (r.ok()) {
                awaitMail(resetEmail.getText().strip());
            }
        });
    }

    private void changePassword() {
        call("/change_password", Map.of("token", resetCode.getText(), "password", newPassword.getText()), r -> {
            if (r.ok()) {
                resetCode.clear();
            }
        });
    }

    private void useSelectedMail() {
        OutboxMail mail = outbox.getSelectionModel().getSelectedItem();
        if (mail == null) {
            return;
        }
        if (mail.confirmsEmail()) {
            call("/confirm_email", Map.of("token", mail.linkToken()), r -> { });
        } else {
            resetCode.setText(mail.linkToken());
            resetEmail.setText(mail.to());
            newPassword.requestFocus();
            status.info("the reset code is filled in: type the new password and press Enter");
        }
    }

    private void showMail(OutboxMail mail) {
        useMail.setDisable(mail == null);
        if (mail == null) {
            mailText.clear();
            return;
        }
        useMail.setText(mail.confirmsEmail() ? "Confirm email" : "Use reset code");
        mailText.setText("To: " + mail.to() + "\nSubject: " + mail.subject() + "\n\n" + mail.text());
    }

    void refreshOutbox() {
        ctx.background().run(() -> OutboxMail.latest(ctx.directory().database(), OUTBOX_ROWS), this::showOutbox,
                e -> status.error("cannot read the outbox: " + Json.describe(e)));
    }

    /** The server mails from a queue: reads the outbox until a mail to {@code to} newer than now is there (5 s at most). */
    private void awaitMail(String to) {
        java.util.Date since = new java.util.Date(System.currentTimeMillis() - 1_000);
        ctx.background().run(() -> {
            long deadline = System.nanoTime() + 5_000_000_000L;
            List<OutboxMail> mails = OutboxMail.latest(ctx.directory().database(), OUTBOX_ROWS);
            while (mails.stream().noneMatch(m -> m.to().equalsIgnoreCase(to) && !m.sentAt().before(since))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
                mails = OutboxMail.latest(ctx.directory().database(), OUTBOX_ROWS);
            }
            return mails;
        }, this::showOutbox, e -> status.error("cannot read the outbox: " + Json.describe(e)));
    }

    private void showOutbox(List<OutboxMail> mails) {
        outbox.getItems().setAll(mails);
        if (!mails.isEmpty()) {
            outbox.getSelectionModel().select(0);
        }
    }

    private void call(String path, Map<String, ?> body, Consumer<AccountRoutes.Reply> then) {
        status.busy("POST " + path + "…");
        ctx.background().run(() -> routes.post(path, body), r -> {
            reply.setText(Json.pretty(r.body()));
            if (r.ok()) {
                status.ok(r.summary());
            } else {
                status.error(r.summary());
            }
            then.accept(r);
        }, e -> status.error("POST " + path + " failed: " + Json.describe(e)));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        registerFields.get("name").requestFocus();
    }

    @Override
    public void shown() {
        refreshOutbox();
    }
}
