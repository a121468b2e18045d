package dev.switchboard.console;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;

import dev.switchboard.console.accounts.AccountsView;
import dev.switchboard.console.connections.ConnectRequest;
import dev.switchboard.console.connections.ConnectionsView;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.connections.Transport;
import dev.switchboard.console.events.ExplainDelivery;
import dev.switchboard.console.fire.FireView;
import dev.switchboard.console.fixtures.FixturesView;
import dev.switchboard.console.moderation.ModerationView;
import dev.switchboard.console.scenarios.ScenariosView;
import dev.switchboard.console.serverview.ServerView;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.timeline.TimelineView;
import dev.switchboard.console.tokens.NegativeVariant;
import dev.switchboard.console.tokens.TokensView;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.fixture.FixtureSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders every view with realistic data to PNG (scripts/screenshots): the documented examples and a
 * small generated population, john snow and kia atri connected, a rejected token, fired events and
 * their pushes in the timeline. Runs headless (Monocle) against a real bundled server.
 */
public final class RenderScreenshots {

    private static final int WIDTH = 1360;
    private static final int HEIGHT = 860;

    private RenderScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        try (ConsoleHarness h = ConsoleHarness.start(WIDTH, HEIGHT)) {
            render(h, out);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void render(ConsoleHarness h, Path out) throws Exception {
        MainWindow w = h.window();
        ConsoleContext ctx = h.ctx();
        h.seed(FixtureSpec.documented());

        // fixtures: a generated population seeded through the view, with its report
        fx(() -> {
            w.show(4);
            w.view(FixturesView.class).users.getValueFactory().setValue(60);
            w.view(FixturesView.class).seedNumber.getValueFactory().setValue(42);
            w.view(FixturesView.class).density.getValueFactory().setValue(6);
            w.view(FixturesView.class).seedGenerated.fire();
        });
        waitFor("the generated seed", 120, () -> w.view(FixturesView.class).status.kind().equals("status-ok"));
        shoot(w, 4, out.resolve("fixtures.png"));

        // connections: john snow and kia atri side by side, plus a token the server refuses
        fx(() -> {
            w.view(ConnectionsView.class).connectAs(ConsoleHarness.JOHN, "jhonsnow");
            w.view(ConnectionsView.class).connectAs(ConsoleHarness.KIA, "kiarashatri");
        });
        waitFor("john and kia to connect", 20, () -> ctx.connectionList().stream()
                .filter(LiveConnection::isConnected).count() == 2);
        String expired = ctx.tokens().negative(NegativeVariant.EXPIRED, ctx.secret(), ConsoleHarness.JOHN);
        fx(() -> ctx.connections().open(new ConnectRequest("expired token", ConsoleHarness.JOHN, expired, "/",
                Transport.POLLING)));
        waitFor("the rejection", 20, () -> ctx.connectionList().size() == 3
                && ctx.connectionList().get(2).detail().startsWith("rejected"));
        LiveConnection john = byLabel(ctx, "jhonsnow");
        LiveConnection kia = byLabel(ctx, "kiarashatri");

        // fire: listeners from both sides through the fire view, so history and timeline fill up
        fireThroughView(w, kia, "tweet/add", Map.of("tweetContext", "the north remembers"));
        fireThroughView(w, john, "tweet/like/toggle", Map.of("tweetId", "62fd2239e1b4c7d2a9f30b01"));
        fireThroughView(w, john, "user/profile/get", Map.of("userId", ConsoleHarness.KIA));
        fireThroughView(w, kia, "message/seen", Map.of("userId", "not-an-id"));
        fireThroughView(w, john, "user/follow/request/accept", Map.of("applicantId", "62f8be40a1c3e27d4b5f0a11"));
        fireThroughView(w, john, "message/new", Map.of("data", "{\n  \"to\": \"" + ConsoleHarness.KIA
                + "\",\n  \"context\": {\n    \"text\": \"winter is coming\"\n  }\n}"));
        waitFor("message/new acknowledged", 20, () -> w.view(FireView.class).model().history().get(0).status() != null && "ok".equals(w.view(FireView.class).model().history().get(0).status()));
        waitFor("message/send/to for kia", 20, () -> ctx.timeline().rows().stream()
                .anyMatch(f -> f.event().equals("message/send/to") && f.connectionId().equals(kia.id())));
        shoot(w, 2, out.resolve("fire.png"));

        fx(() -> {
            w.show(1);
            w.view(ConnectionsView.class).table.getSelectionModel().select(2);
        });
        shoot(w, 1, out.resolve("connections.png"));

        // timeline: the push kia received, selected, its payload as a tree
        fx(() -> {
            w.show(3);
            var table = w.view(TimelineView.class).table;
            Frame push = table.getItems().stream().filter(f -> f.event().equals("message/send/to")).findFirst().orElseThrow();
            table.getSelectionModel().select(push);
            table.scrollTo(Math.max(0, table.getItems().indexOf(push) - 8));
        });
        shoot(w, 3, out.resolve("timeline.png"));

        // tokens: an admin token for john snow, decoded and verified
        fx(() -> {
            w.show(0);
            w.view(TokensView.class).user.setId(ConsoleHarness.JOHN, "jhonsnow · john snow");
            w.view(TokensView.class).claims.setText("{\n  \"role\": \"admin\"\n}");
            w.view(TokensView.class).signForScreenshot(60);
        });
        waitFor("the verdict", 20, () -> w.view(TokensView.class).verdict.getText().startsWith("✔")
                && w.view(TokensView.class).userNote.getText().contains("jhonsnow"));
        shoot(w, 0, out.resolve("tokens.png"));

        // moderation: john snow's blocks, follows and requests
        fx(() -> w.show(5));
        fx(() -> w.view(ModerationView.class).open(ConsoleHarness.JOHN));
        waitFor("john snow's relations", 20, () -> ConsoleHarness.JOHN.equals(w.view(ModerationView.class).shownId()));
        waitFor("every user in the list", 20, () -> w.view(ModerationView.class).users.getItems().size() > 60);
        fx(() -> w.view(ModerationView.class).users.getItems().stream().filter(u -> u.id().equals(ConsoleHarness.JOHN))
                .findFirst().ifPresent(u -> {
                    w.view(ModerationView.class).users.getSelectionModel().select(u);
                    w.view(ModerationView.class).users.scrollTo(u);
                }));
        shoot(w, 5, out.resolve("moderation.png"));

        shoot(w, 6, out.resolve("settings.png"));

        // server: the live sockets, per-event counts and latency, and who a push reached and why not
        fx(() -> w.show(7));
        waitFor("the admin connection", 20, () -> w.view(ServerView.class).summary.getText().contains("sockets"));
        fireThroughView(w, john, "user/profile/get", Map.of("userId", ConsoleHarness.KIA));
        fireThroughView(w, john, "tweet/like/toggle", Map.of("tweetId", "not-a-tweet"));
        fireThroughView(w, kia, "tweet/add", Map.of("tweetContext", "winter is here"));
        waitFor("kia's tweet/new as a server push", 20, () -> serverPush(ctx, "winter is here") != null);
        Frame push = fx(() -> serverPush(ctx, "winter is here"));
        fx(() -> ctx.events().publish(new ExplainDelivery(push)));
        waitFor("the delivery explanation", 20, () -> w.view(ServerView.class).delivery.getItems().size() >= 3);
        fx(() -> w.view(ServerView.class).sockets.getItems().stream().filter(s -> s.socketId().equals(kia.socketId())).findFirst()
                .ifPresent(s -> w.view(ServerView.class).sockets.getSelectionModel().select(s)));
        shoot(w, 7, out.resolve("server.png"));

        // the timeline with the server's stream: other clients' calls and pushes, the push selected
        fx(() -> {
            w.show(3);
            var table = w.view(TimelineView.class).table;
            table.getSelectionModel().select(push);
            table.scrollTo(Math.max(0, table.getItems().indexOf(push) - 10));
        });
        shoot(w, 3, out.resolve("timeline-server.png"));

        // scenarios: the shipped messages scenario, run against the bundled server, every step green
        Path scenario = shippedScenario("tweets-comments.json");
        fx(() -> {
            w.show(ScenariosView.class);
            w.view(ScenariosView.class).open(scenario);
        });
        waitFor("the scenario file", 20, () -> fx(() -> text(w, "#scenario-status")).startsWith("Opened"));
        fx(() -> w.view(ScenariosView.class).run());
        waitFor("the scenario run", 60, () -> fx(() -> text(w, "#scenario-status")).matches("(Passed|Failed|Could not).*"));
        System.out.println("scenario: " + fx(() -> text(w, "#scenario-status")));
        shoot(w, ViewRegistry.VIEWS.size() - 2, out.resolve("scenarios.png"));

        // accounts: a registration through the real route, its confirmation mail in the outbox
        fx(() -> {
            w.show(AccountsView.class);
            Map.of("name", "Arya", "family", "Stark", "username", "needle", "email", "needle@braavos.example",
                    "password", "stick them with the pointy end").forEach((field, value) ->
                    ((TextInputControl) w.root().lookup("#register-" + field)).setText(value));
            ((Button) w.root().lookup("#accounts-register")).fire();
        });
        waitFor("the registration's reply", 30, () -> fx(() -> text(w, "#accounts-reply")).contains("userId"));
        shoot(w, ViewRegistry.VIEWS.size() - 1, out.resolve("accounts.png"));
    }

    private static String text(MainWindow w, String id) {
        javafx.scene.Node node = w.root().lookup(id);
        return node instanceof javafx.scene.control.Labeled l ? l.getText()
                : node instanceof TextInputControl t ? t.getText() : "";
    }

    /** A file of the repository's scenarios/ folder, found from the working directory upwards. */
    private static Path shippedScenario(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("scenarios").resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("scenarios/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    private static Frame serverPush(ConsoleContext ctx, String text) {
        return ctx.timeline().rows().stream().filter(f -> f.kind() == FrameKind.SERVER_PUSH
                && f.payload().path("payload").path("context").asText().equals(text)).findFirst().orElse(null);
    }

    private static LiveConnection byLabel(ConsoleContext ctx, String label) {
        return fx(() -> ctx.connectionList().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow());
    }

    private static void fireThroughView(MainWindow w, LiveConnection conn, String event, Map<String, String> args) {
        int before = fx(() -> w.view(FireView.class).model().history().size());
        fx(() -> {
            w.show(2);
            w.view(FireView.class).select(EventCatalog.require(event));
            w.view(FireView.class).model().connection().set(conn);
            args.forEach(w.view(FireView.class)::setArgument);
            w.view(FireView.class).fire();
        });
        waitFor(event + " to be answered", 20, () -> w.view(FireView.class).model().history().size() == before + 1
                && w.view(FireView.class).model().history().get(0).status() != null);
    }

    /** Shows a view, lets layout and background loads settle, then writes the window as PNG. */
    private static void shoot(MainWindow w, int view, Path file) throws Exception {
        fx(() -> w.show(view));
        settle();
        WritableImage image = fx(() -> w.root().getScene().getRoot().snapshot(null, null));
        write(image, file);
        System.out.println("wrote " + file + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(700);
        CountDownLatch pulse = new CountDownLatch(1);
        Platform.runLater(pulse::countDown);
        pulse.await(5, TimeUnit.SECONDS);
    }

    static void write(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        ImageIO.write(png, "png", file.toFile());
    }
}
