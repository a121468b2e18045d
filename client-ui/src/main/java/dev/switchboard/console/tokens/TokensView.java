package dev.switchboard.console.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.connections.ConnectRequest;
import dev.switchboard.console.connections.Transport;
import dev.switchboard.console.core.InvalidJsonException;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.ui.IdPicker;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import dev.switchboard.protocol.catalog.IdKind;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** jwt.io for this server: sign for a user, decode and verify any token, and make tokens the server must refuse. */
public final class TokensView implements ConsoleView {

    private final ConsoleContext ctx;
    private final TokenService service;
    private final VBox root;

    public final IdPicker user;
    final TextField secret = new TextField();
    private final ToggleGroup expiryGroup = new ToggleGroup();
    private final RadioButton noExpiry = new RadioButton("None");
    private final RadioButton minutes = new RadioButton("Minutes:");
    private final RadioButton expired = new RadioButton("Already expired");
    private final Spinner<Integer> minuteCount = new Spinner<>(1, 60 * 24 * 365, 60);
    public final TextArea claims = Ui.codeArea(true);
    final StatusLine signStatus = new StatusLine();

    final TextArea token = Ui.codeArea(true);
    public final Label verdict = new Label();
    private final Label expiryText = new Label();
    public final Label userNote = new Label();
    private final TextArea header = Ui.codeArea(false);
    private final TextArea payload = Ui.codeArea(false);
    private final StatusLine inspectStatus = new StatusLine();
    private final PauseTransition inspectLater = new PauseTransition(Duration.millis(150));
    private final AtomicLong inspection = new AtomicLong();

    public TokensView(ConsoleContext ctx) {
        this.ctx = ctx;
        this.service = ctx.tokens();
        this.user = new IdPicker(IdKind.USER, ctx.background(), ctx.choiceSource());
        user.setOnError(signStatus::error);
        HBox columns = new HBox(16, Ui.grow(signPane()), Ui.grow(inspectPane()));
        this.root = Ui.page(Ui.title("Tokens"), Ui.grow(columns));
        inspectLater.setOnFinished(e -> inspect());
        token.textProperty().addListener((obs, o, n) -> inspectLater.playFromStart());
        ctx.settings().addListener((obs, o, n) -> secret.setText(ctx.secret()));
        ctx.session().addListener((obs, o, n) -> secret.setText(ctx.secret()));
    }

    private VBox signPane() {
        secret.getStyleClass().add("code");
        secret.setText(ctx.secret());
        secret.setPromptText("HS256 secret, at least 32 bytes");
        Button serverSecret = Ui.button("Server's", e -> secret.setText(ctx.secret()));
        serverSecret.getStyleClass().add("small");

        noExpiry.setToggleGroup(expiryGroup);
        minutes.setToggleGroup(expiryGroup);
        expired.setToggleGroup(expiryGroup);
        noExpiry.setSelected(true);
        minuteCount.setEditable(true);
        minuteCount.setPrefWidth(100);
        minuteCount.disableProperty().bind(minutes.selectedProperty().not());

        claims.setPromptText("{ \"role\": \"admin\" }");
        claims.setPrefRowCount(3);

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label("User"), user);
        form.addRow(1, new Label("Secret"), Ui.row(Ui.grow(secret), serverSecret));
        form.addRow(2, new Label("Expiry"), Ui.row(noExpiry, minutes, minuteCount, expired));
        form.addRow(3, new Label("Extra claims"), claims);
        GridPane.setHgrow(user, Priority.ALWAYS);
        GridPane.setHgrow(claims, Priority.ALWAYS);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(95),
                new javafx.scene.layout.ColumnConstraints());

        Button sign = Ui.primary("Sign token", e -> sign());
        Button admin = Ui.button("Sign as admin", e -> {
            claims.setText("{\n  \"role\": \"admin\"\n}");
            sign();
        });

        FlowPane negatives = new FlowPane(8, 8);
        for (NegativeVariant v : NegativeVariant.values()) {
            Button b = Ui.button(v.label(), e -> negative(v));
            b.getStyleClass().add("danger-outline");
            b.setId("negative-" + v.name().toLowerCase());
            b.setTooltip(new javafx.scene.control.Tooltip(v.description()));
            negatives.getChildren().add(b);
        }
        VBox signCard = Ui.card("Sign a token", form, Ui.row(sign, admin), signStatus);
        VBox negativeCard = Ui.card("Tokens the server must refuse",
                Ui.hint("One click makes the token and puts it on the right, where the exact rejection shows. "
                        + "Then connect with it to see the server's connect_error."), negatives);
        Label checks = Ui.hint("1.  alg is HS256 (alg: none and every other algorithm are refused)\n"
                + "2.  the signature matches the server's secret\n"
                + "3.  exp, when present, is not past (30 s leeway); iat is not in the future\n"
                + "4.  user_id is a 24-hex-digit ObjectId\n"
                + "5.  that user exists in the database (checked by the server, and shown on the right)");
        VBox checksCard = Ui.card("What the server checks, in order", checks,
                Ui.hint("The token travels in the handshake: io(url, { auth: { accessToken: token } })."));
        VBox pane = new VBox(12, signCard, negativeCard, checksCard);
        pane.setPrefWidth(520);
        return pane;
    }

    private VBox inspectPane() {
        token.setWrapText(true);
        token.setPrefRowCount(5);
        token.setPromptText("paste any JWT here to decode and verify it");
        token.setId("token-input");
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        verdict.setId("token-verdict");
        expiryText.getStyleClass().add("hint");
        userNote.getStyleClass().add("hint");
        header.setPrefRowCount(4);
        payload.setPrefRowCount(7);
        Button copy = Ui.button("Copy", e -> Ui.copy(token.getText().trim()));
        Button connect = Ui.primary("Connect with this token", e -> connectWithToken());
        Button clear = Ui.button("Clear", e -> {
            token.clear();
            signStatus.clear(); // what it said was about the token just cleared
            inspectStatus.clear();
        });
        clear.setId("token-clear");
        VBox decoded = new VBox(6, Ui.heading("Header"), header, Ui.heading("Payload"), Ui.grow(payload));
        VBox card = Ui.card("Decode and verify", token, Ui.row(copy, connect, clear), verdict, expiryText, userNote,
                inspectStatus, Ui.grow(decoded));
        return new VBox(12, Ui.grow(card));
    }

    private void sign() {
        signStatus.clear();
        String userId = user.selectedId();
        Map<String, Object> extra;
        try {
            extra = claims.getText().isBlank() ? Map.of() : claimsMap();
        } catch (InvalidJsonException | IllegalArgumentException e) {
            signStatus.error("extra claims: " + e.getMessage());
            return;
        }
        Expiry expiry = expired.isSelected() ? Expiry.expired()
                : minutes.isSelected() ? Expiry.minutes(minuteCount.getValue()) : Expiry.none();
        String key = secret.getText();
        ctx.background().run(() -> service.sign(key, userId, expiry, extra), t -> {
            token.setText(t);
            signStatus.ok("signed for " + user.selectedLabel() + (extra.isEmpty() ? "" : " with " + extra.keySet()));
        }, e -> signStatus.error(Json.describe(e)));
    }

    private Map<String, Object> claimsMap() throws InvalidJsonException {
        JsonNode node = Json.parse(claims.getText());
        if (!node.isObject()) {
            throw new IllegalArgumentException("must be a JSON object, e.g. { \"role\": \"admin\" }");
        }
        return Json.toMap(node);
    }

    /** Signs with an expiry of that many minutes, as the form would (scripted screenshots). */
    public void signForScreenshot(int expiryMinutes) {
        minutes.setSelected(true);
        minuteCount.getValueFactory().setValue(expiryMinutes);
        sign();
    }

    private void negative(NegativeVariant v) {
        String key = secret.getText();
        String userId = user.selectedId();
        ctx.background().run(() -> service.negative(v, key, userId), t -> {
            token.setText(t);
            signStatus.info(v.label() + ": " + v.description() + ".");
        }, e -> signStatus.error(Json.describe(e)));
    }

    private void inspect() {
        String text = token.getText();
        String key = secret.getText();
        long mine = inspection.incrementAndGet();
        ctx.background().run(() -> service.inspect(text, key), result -> {
            if (mine == inspection.get()) {
                show(result);
            }
        }, e -> inspectStatus.error(Json.describe(e)));
    }

    private void show(TokenInspection r) {
        verdict.setText(r.valid() ? "✔ " + r.verdict() : (r.decodable() ? "✘ " : "") + r.verdict());
        verdict.getStyleClass().removeAll("verdict-ok", "verdict-bad");
        verdict.getStyleClass().add(r.valid() ? "verdict-ok" : "verdict-bad");
        expiryText.setText(r.expiry());
        header.setText(r.header() == null ? "" : Json.pretty(r.header()));
        payload.setText(r.payload() == null ? "" : Json.pretty(r.payload()));
        userNote.setText("");
        if (r.userId() != null) {
            String id = r.userId();
            ctx.background().run(() -> ctx.directory().usersByIds(java.util.List.of(id)), found -> {
                var u = found.get(id);
                userNote.setText(u != null ? "user_id " + id + " is " + u.label()
                        : "user_id " + id + " names no user in the database: the server will reject it");
            }, e -> userNote.setText("cannot look the user up: " + Json.describe(e)));
        }
    }

    private void connectWithToken() {
        String t = token.getText().trim();
        if (t.isEmpty()) {
            inspectStatus.error("paste or sign a token first");
            return;
        }
        var parts = dev.switchboard.protocol.jwt.JwtParts.split(t);
        String userId = parts == null || !parts.payload().hasNonNull("user_id") ? null
                : parts.payload().get("user_id").asText();
        boolean admin = parts != null && "admin".equals(parts.payload().path("role").asText());
        String label = userId == null ? "token" : (userId.equals(user.selectedId()) ? user.selectedLabel() : userId);
        var conn = ctx.connections().open(new ConnectRequest(label, userId, t, admin ? "/admin" : "/",
                Transport.WEBSOCKET));
        inspectStatus.info("opening " + conn.display() + " — see Connections (Ctrl+2) and Timeline (Ctrl+4)");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        user.requestFocus();
        user.getEditor().selectAll();
    }
}
