package dev.switchboard.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.DocumentedFixture;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.Seeder;
import dev.switchboard.server.harness.Http;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.security.AttemptLimit;
import dev.switchboard.server.store.UserStore;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every route's failure answers, over plain HTTP against the real server and database. */
class RouteFailuresTest {

    private static final AttemptLimit.Rate WIDE = new AttemptLimit.Rate(1_000, Duration.ofMillis(1));
    private static final ServerConfig.AccountLimits UNLIMITED = new ServerConfig.AccountLimits(WIDE, WIDE, WIDE, WIDE);

    @RegisterExtension
    static final TestServer server = TestServer.perClass(ServerConfig.ephemeral().limits(TestServer.UNHURRIED)
            .accountLimits(UNLIMITED).corsOrigins(List.of("https://app.example")));
    static Http http;

    @BeforeAll
    static void http() {
        http = new Http(server.url());
    }

    private static Map<String, Object> registration(String username, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Sam", "family", "Tarly", "username", username,
                "email", email, "password", "the citadel library"));
        return body;
    }

    private static ObjectId registered(String username) {
        Http.Answer a = http.post("/register", registration(username, username + "@citadel.example"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return new ObjectId(a.field("/userId"));
    }

    @Test
    void registerNamesEveryBadFieldWithItsReason() {
        Http.Answer a = http.post("/register", Map.of("name", "", "family", 7, "username", "a b",
                "email", "not-an-email", "password", "password123", "phone", "12", "role", "admin"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.field("/error")).isEqualTo("invalid_argument");
        assertThat(a.json().get("fields").toString()).isEqualTo("{\"role\":\"unknown field; this route takes name,"
                + " family, username, email, password, phone\",\"name\":\"1 to 50 characters\",\"family\":\"must be a"
                + " string, not number\",\"username\":\"3 to 30 characters of letters a-z, digits, '_' and '.'\","
                + "\"email\":\"not an email address (name@domain.tld, at most 254 characters)\",\"phone\":\"6 to 15"
                + " digits, as a number or a string\",\"password\":\"one of the most common passwords; choose another\"}");
        assertThat(http.post("/register", Map.of()).json().get("fields").toString())
                .contains("\"name\":\"required\"", "\"password\":\"required\"").doesNotContain("phone");
        Map<String, Object> shortPassword = registration("shorty", "shorty@citadel.example");
        shortPassword.put("password", "9 chars!!");
        assertThat(http.post("/register", shortPassword).field("/fields/password")).isEqualTo("at least 10 characters");
        Map<String, Object> control = registration("ctrl", "ctrl@citadel.example");
        control.put("name", "Sam\u0000well");
        assertThat(http.post("/register", control).field("/fields/name")).isEqualTo("must not contain control characters");
        Map<String, Object> sameAsName = registration("samwelltarly", "sam@citadel.example");
        sameAsName.put("password", "SamwellTarly");
        assertThat(http.post("/register", sameAsName).field("/fields/password"))
                .isEqualTo("must not be the username or the email");
        assertThat(server.stores().users().findByEmail("sam@citadel.example")).isEmpty();
    }

    @Test
    void registerIs409WhenTheUsernameOrEmailIsTakenIgnoringCase() {
        registered("maester_aemon");
        Http.Answer sameName = http.post("/register", registration("Maester_Aemon", "other@citadel.example"));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().get("fields").toString()).isEqualTo("{\"username\":\"taken\"}");
        Http.Answer sameEmail = http.post("/register", registration("aemon2", "MAESTER_AEMON@citadel.example"));
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.json().get("fields").toString()).isEqualTo("{\"email\":\"taken\"}");
        // an older user whose username has capitals (not registered over HTTP) still blocks its name
        server.stores().users().insert(new Document(UserStore.USERNAME, "OldTimer").append(UserStore.EMAIL, "old@x.example"));
        assertThat(http.post("/register", registration("oldtimer", "new@citadel.example")).status()).isEqualTo(409);
    }

    @Test
    void confirmEmailRefusesUnknownAndSpentTokens() throws Exception {
        registered("pypar");
        String token = AccountsEndToEndTest.awaitOutbox(server, "pypar@citadel.example").getString("link_token");
        assertThat(http.post("/confirm_email", Map.of("token", "x".repeat(43))).field("/error")).isEqualTo("invalid_token");
        assertThat(http.post("/confirm_email", Map.of("token", token)).status()).isEqualTo(200);
        Http.Answer again = http.post("/confirm_email", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().toString()).isEqualTo("{\"error\":\"invalid_token\",\"message\":\"the token is"
                + " unknown, expired or already used\"}");
        assertThat(http.post("/confirm_email", Map.of("token", 12)).field("/fields/token"))
                .isEqualTo("must be a string, not number");
    }

    @Test
    void loginAnswersOneSentenceForAWrongUserOrPassword() {
        registered("grenn");
        Http.Answer wrongPassword = http.post("/login", Map.of("username", "grenn", "password", "not the password"));
        Http.Answer noSuchUser = http.post("/login", Map.of("username", "nobody_here", "password", "not the password"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(noSuchUser.status()).isEqualTo(401);
        assertThat(noSuchUser.body()).isEqualTo(wrongPassword.body())
                .isEqualTo("{\"error\":\"unauthorized\",\"message\":\"wrong username or password\"}");
        Http.Answer ok = http.post("/login", Map.of("username", "grenn@citadel.example", "password", "the citadel library"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("emailConfirmed").asBoolean()).isFalse();
    }

    @Test
    void aSuspendedUserIsToldSoOnlyWithTheRightPasswordAndTheirTokensAreNotValid() {
        ObjectId id = registered("janos_slynt");
        String token = http.post("/login", Map.of("username", "janos_slynt", "password", "the citadel library"))
                .field("/accessToken");
        server.stores().suspensions().suspend(id, "spam", null, server.user(), new java.util.Date());
        Http.Answer suspended = http.post("/login", Map.of("username", "janos_slynt", "password", "the citadel library"));
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.json().toString()).isEqualTo("{\"error\":\"suspended\",\"message\":\"suspended: spam until lifted\"}");
        assertThat(http.post("/login", Map.of("username", "janos_slynt", "password", "wrong password")).status())
                .isEqualTo(401);
        assertThat(http.post("/verify_token", Map.of("token", token)).json().toString())
                .isEqualTo("{\"valid\":false,\"reason\":\"suspended: spam until lifted\"}");
    }

    @Test
    void aUserWithAnOlderSha256HashLogsInAndIsMovedToArgon2id() throws Exception {
        String legacy = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest("fixture-password-42-0".getBytes(StandardCharsets.UTF_8)));
        ObjectId id = server.stores().users().insert(new Document(UserStore.USERNAME, "legacy_user")
                .append(UserStore.EMAIL, "legacy@old.example").append(UserStore.HASH_PASSWORD, legacy));
        assertThat(http.post("/login", Map.of("username", "legacy_user", "password", "wrong")).status()).isEqualTo(401);
        assertThat(http.post("/login", Map.of("username", "legacy_user", "password", "fixture-password-42-0"))
                .status()).isEqualTo(200);
        assertThat(server.userDoc(id).getString(UserStore.HASH_PASSWORD)).startsWith("$argon2id$");
        assertThat(http.post("/login", Map.of("username", "legacy_user", "password", "fixture-password-42-0"))
                .status()).isEqualTo(200);
    }

    @Test
    void theDocumentedUsersLogInWithTheKnownPasswordAndJohnKeepsTheNotesHash() {
        Seeder.seed(FixtureSpec.documented(), server.server().database().mongo(), ProgressListener.NONE,
                new CancellationToken());
        for (String username : List.of("kiarashatri", "aryastark", "sansastark", "ramsaybolton")) {
            Http.Answer login = http.post("/login", Map.of("username", username,
                    "password", DocumentedFixture.KNOWN_PASSWORD));
            assertThat(login.status()).as(username + ": " + login.body()).isEqualTo(200);
        }
        assertThat(http.post("/login", Map.of("username", "kia@gmail.cm", "password", DocumentedFixture.KNOWN_PASSWORD))
                .field("/userId")).isEqualTo(DocumentedFixture.KIA_ATRI.toHexString());
        assertThat(http.post("/login", Map.of("username", "jhonsnow", "password", DocumentedFixture.KNOWN_PASSWORD))
                .status()).isEqualTo(401);
        assertThat(server.userDoc(DocumentedFixture.JOHN_SNOW).getString(UserStore.HASH_PASSWORD))
                .isEqualTo("5joRzUcZu3OkKsFCjV5ydNgxYAWl+YbCeSL8uFJ2nC8=");
    }

    @Test
    void verifyTokenSaysWhyATokenIsRefused() {
        ObjectId user = server.user();
        Jwt jwt = server.jwt();
        assertThat(http.post("/verify_token", Map.of("token", "garbage")).json().toString())
                .startsWith("{\"valid\":false,\"reason\":\"token is not a JWT");
        assertThat(http.post("/verify_token", Map.of("token", jwt.sign(user.toHexString(), Duration.ofMinutes(-5), Map.of())))
                .field("/reason")).startsWith("token expired at");
        assertThat(http.post("/verify_token", Map.of("token", jwt.sign(new ObjectId().toHexString()))).field("/reason"))
                .endsWith("does not exist");
        Http.Answer valid = http.post("/verify_token", Map.of("token", jwt.sign(user.toHexString())));
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.field("/userId")).isEqualTo(user.toHexString());
        assertThat(http.post("/verify_token", Map.of()).field("/fields/token")).isEqualTo("required");
    }

    @Test
    void resetPasswordIs202WhetherOrNotTheAccountExists() {
        registered("dolorous_edd");
        Http.Answer unknown = http.post("/reset_password", Map.of("email", "nobody@nowhere.example"));
        Http.Answer known = http.post("/reset_password", Map.of("email", "dolorous_edd@citadel.example"));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(server.stores().outbox().latest("nobody@nowhere.example", 5)).isEmpty();
        assertThat(http.post("/reset_password", Map.of("email", "no at sign")).status()).isEqualTo(400);
    }

    @Test
    void changePasswordRefusesBadTokensAndWeakPasswordsWithoutSpendingTheToken() throws Exception {
        ObjectId id = registered("qhorin");
        assertThat(http.post("/reset_password", Map.of("email", "qhorin@citadel.example")).status()).isEqualTo(202);
        String token = awaitMail("qhorin@citadel.example", "reset_password");
        assertThat(http.post("/change_password", Map.of("token", "nope", "password", "a strong new one"))
                .field("/error")).isEqualTo("invalid_token");
        Http.Answer weak = http.post("/change_password", Map.of("token", token, "password", "qwertyuiop"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.field("/fields/password")).isEqualTo("one of the most common passwords; choose another");
        String before = server.userDoc(id).getString(UserStore.HASH_PASSWORD);
        TestClient session = server.connect(id);
        assertThat(http.post("/change_password", Map.of("token", token, "password", "halfhand of the watch")).status())
                .isEqualTo(200);
        assertThat(session.awaitDisconnect(Duration.ofSeconds(5))).isEqualTo("io server disconnect");
        assertThat(server.userDoc(id).getString(UserStore.HASH_PASSWORD)).isNotEqualTo(before).startsWith("$argon2id$");
    }

    private static String awaitMail(String to, String purpose) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (Document mail : server.stores().outbox().latest(to, 5)) {
                if (purpose.equals(mail.getString("purpose"))) {
                    return mail.getString("link_token");
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + purpose + " mail to " + to);
    }

    @Test
    void theHttpFrontRefusesWhatNoRouteShouldSee() {
        Http.Answer notFound = http.post("/nope", Map.of());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.field("/message")).startsWith("no route /nope; the routes are /register, /confirm_email");
        Http.Answer get = http.send(http.request("/login").GET().build());
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("allow")).isEqualTo("POST");
        Http.Answer form = http.post("/login", "username=a".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.field("/error")).isEqualTo("unsupported_media_type");
        assertThat(http.post("/login", "{}".getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(415);
        assertThat(http.post("/login", "{}".getBytes(StandardCharsets.UTF_8), "application/json; charset=latin1")
                .status()).isEqualTo(415);
        assertThat(http.post("/login", "{\"username\":\"a\",\"password\":\"b\"}".getBytes(StandardCharsets.UTF_8),
                "Application/JSON; charset=\"UTF-8\"").status()).isEqualTo(401);
        for (String bad : List.of("", "[1]", "\"text\"", "{", "{\"a\":1}{}", "{\"username\":\"a\",\"username\":\"b\"}",
                "[".repeat(40) + "]".repeat(40), "{\"x\":\"\\ud800\"}")) {
            Http.Answer a = http.post("/login", bad.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.json()).as(bad).isNotNull();
        }
        assertThat(http.post("/login", new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, "application/json").status())
                .isEqualTo(400);
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutContentLength() {
        byte[] big = ("{\"username\":\"" + "a".repeat(20_000) + "\",\"password\":\"x\"}").getBytes(StandardCharsets.UTF_8);
        Http.Answer sized = http.post("/register", big, "application/json");
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.field("/error")).isEqualTo("too_large");
        Http.Answer streamed = http.send(http.request("/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.field("/message")).isEqualTo("request body over 16384 bytes");
    }

    @Test
    void corsFollowsTheSocketConfiguration() {
        Http.Answer preflight = http.send(http.request("/login").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build());
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo("https://app.example");
        assertThat(preflight.header("access-control-allow-headers")).isEqualTo("content-type");
        Http.Answer allowed = http.send(http.request("/login").header("Origin", "https://app.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(allowed.header("access-control-allow-origin")).isEqualTo("https://app.example");
        Http.Answer other = http.send(http.request("/login").header("Origin", "https://evil.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(other.header("access-control-allow-origin")).isNull();
    }
}
