package dev.switchboard.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.Http;
import dev.switchboard.server.harness.NodeSession;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.OutboxStore;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A user registered over HTTP confirms by the mailed token, logs in, and connects with the returned
 * token: mails through the outbox with the official Node client, and through a real SMTP server
 * (GreenMail, in process) with the password reset that revokes the old sessions.
 */
class AccountsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN_LINE = Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    @Test
    void registerConfirmFromTheOutboxLogInAndConnectWithTheNodeClient() throws Exception {
        NodeSession.require();
        try (TestServer server = TestServer.start()) {
            Http http = new Http(server.url());
            Http.Answer registered = http.post("/register", Map.of("name", "Arya", "family", "Stark",
                    "username", "NoOne_42", "email", "Arya@Winterfell.example", "password", "valar morghulis 7",
                    "phone", "+4412345678"));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String userId = registered.field("/userId");
            Document stored = server.stores().users().findByEmail("arya@winterfell.example").orElseThrow();
            assertThat(stored.getObjectId("_id").toHexString()).isEqualTo(userId);
            assertThat(stored.getString("username")).isEqualTo("noone_42");
            assertThat(stored.getString("hashPassword")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(stored.get("email_confirmation")).isNull();

            Document mail = awaitOutbox(server, "arya@winterfell.example");
            assertThat(mail.getString(OutboxStore.SUBJECT)).isEqualTo("Confirm your Switchboard email");
            String token = mail.getString(OutboxStore.LINK_TOKEN);
            assertThat(mail.getString(OutboxStore.TEXT)).contains(token);

            Http.Answer confirmed = http.post("/confirm_email", Map.of("token", token));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.json().get("emailConfirmed").asBoolean()).isTrue();
            assertThat(server.stores().users().findByEmail("arya@winterfell.example").orElseThrow()
                    .get("email_confirmation")).isNotNull();

            Http.Answer login = http.post("/login", Map.of("username", "NOONE_42", "password", "valar morghulis 7"));
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            assertThat(login.field("/userId")).isEqualTo(userId);
            assertThat(login.json().get("emailConfirmed").asBoolean()).isTrue();
            String accessToken = login.field("/accessToken");

            ObjectNode plan = JSON.createObjectNode().put("token", accessToken);
            plan.set("steps", JSON.valueToTree(List.of(Map.of("emit", "user/profile/get", "args", List.of()))));
            try (NodeSession node = NodeSession.start(server.url(), plan)) {
                assertThat(node.connected()).isTrue();
                JsonNode result = node.result();
                assertThat(result.at("/acks/0/status").asText()).isEqualTo("ok");
                assertThat(result.at("/acks/0/profile/_id").asText()).isEqualTo(userId);
                assertThat(result.at("/acks/0/profile/username").asText()).isEqualTo("noone_42");
            }
        }
    }

    @Test
    void overSmtpTheResetMailChangesThePasswordAndRevokesEverySession() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestServer server = TestServer.start(ServerConfig.ephemeral().limits(TestServer.UNHURRIED)
                .smtpUri("smtp://127.0.0.1:" + smtp.getSmtp().getPort() + "?from=accounts@switchboard.example"))) {
            Http http = new Http(server.url());
            assertThat(http.post("/register", Map.of("name", "Jon", "family", "Snow", "username", "lordcommander",
                    "email", "jon@wall.example", "password", "ghost the direwolf")).status()).isEqualTo(201);
            MimeMessage confirmation = awaitMail(smtp, 1);
            assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("jon@wall.example");
            assertThat(confirmation.getFrom()[0].toString()).isEqualTo("accounts@switchboard.example");
            assertThat(http.post("/confirm_email", Map.of("token", tokenIn(confirmation))).status()).isEqualTo(200);

            String oldToken = http.post("/login", Map.of("username", "jon@wall.example",
                    "password", "ghost the direwolf")).field("/accessToken");
            TestClient connected = TestClient.connectTo(server.url(), oldToken);

            assertThat(http.post("/reset_password", Map.of("email", "JON@wall.example")).status()).isEqualTo(202);
            MimeMessage reset = awaitMail(smtp, 2);
            assertThat(reset.getSubject()).isEqualTo("Reset your Switchboard password");
            String resetToken = tokenIn(reset);

            Http.Answer changed = http.post("/change_password", Map.of("token", resetToken,
                    "password", "longclaw is valyrian steel"));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(connected.awaitDisconnect(Duration.ofSeconds(5))).isEqualTo("io server disconnect");
            assertThat(http.post("/verify_token", Map.of("token", oldToken)).field("/reason"))
                    .contains("was revoked at");
            assertThat(http.post("/change_password", Map.of("token", resetToken, "password", "another fine sword"))
                    .field("/error")).isEqualTo("invalid_token");
            assertThat(http.post("/login", Map.of("username", "lordcommander", "password", "ghost the direwolf"))
                    .status()).isEqualTo(401);

            Http.Answer again = http.post("/login", Map.of("username", "lordcommander",
                    "password", "longclaw is valyrian steel"));
            assertThat(again.status()).isEqualTo(200);
            Http.Answer verified = http.post("/verify_token", Map.of("token", again.field("/accessToken")));
            assertThat(verified.json().get("valid").asBoolean()).as(verified.body()).isTrue();
            TestClient.connectTo(server.url(), again.field("/accessToken")).close();
            connected.close();
            assertThat(server.stores().outbox().latest(null, 10)).isEmpty();
        } finally {
            smtp.stop();
        }
    }

    static Document awaitOutbox(TestServer server, String to) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<Document> mails = server.stores().outbox().latest(to, 1);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no mail to " + to + " in the outbox within 5 s");
    }

    private static MimeMessage awaitMail(GreenMail smtp, int count) {
        assertThat(smtp.waitForIncomingEmail(5_000, count)).as("%s mails arrived", count).isTrue();
        return smtp.getReceivedMessages()[count - 1];
    }

    private static String tokenIn(MimeMessage mail) throws Exception {
        Matcher m = TOKEN_LINE.matcher(((String) mail.getContent()).replace("\r", ""));
        assertThat(m.find()).as("a token line in the mail").isTrue();
        return m.group(1);
    }
}
