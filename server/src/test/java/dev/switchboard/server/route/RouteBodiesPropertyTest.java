package dev.switchboard.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.Http;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.security.AttemptLimit;
import dev.switchboard.server.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;

/**
 * Random and hostile bodies on every route: wrong types, control characters, unpaired surrogates,
 * operator-looking objects, huge and deep values, raw bytes. Each answer is prompt, a JSON object, and
 * a 4xx with an error (or the route's success); never 5xx. Afterwards every stored user is well formed
 * and a user registered before the storm still logs in.
 */
class RouteBodiesPropertyTest {

    private static final int TRIES = 200;
    private static final long SEED = 1515L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PATHS = List.of("/register", "/confirm_email", "/login", "/verify_token",
            "/reset_password", "/change_password");
    private static final List<String> FIELD_NAMES = List.of("name", "family", "username", "email", "password",
            "phone", "token", "$where", "__proto__", "hashPassword", "_id");
    private static final Set<Integer> EXPECTED = Set.of(200, 201, 202, 400, 401, 409, 413);
    private static final AttemptLimit.Rate WIDE = new AttemptLimit.Rate(100_000, Duration.ofMillis(1));

    private static TestServer server;
    private static Http http;

    @BeforeContainer
    static void start() {
        server = TestServer.start(ServerConfig.ephemeral().limits(TestServer.UNHURRIED)
                .accountLimits(new ServerConfig.AccountLimits(WIDE, WIDE, WIDE, WIDE)));
        http = new Http(server.url());
        assertThat(http.post("/register", Map.of("name", "Bran", "family", "Stark", "username", "threeeyed",
                "email", "bran@winterfell.example", "password", "hodor hodor hodor")).status()).isEqualTo(201);
    }

    @AfterContainer
    static void checkWhatIsStoredAndStop() {
        try {
            for (Document user : server.stores().users().collection().find()) {
                for (String field : List.of(UserStore.NAME, UserStore.FAMILY, UserStore.USERNAME, UserStore.EMAIL)) {
                    String value = user.getString(field);
                    assertThat(value).as("%s of %s", field, user.toJson()).isNotBlank().hasSizeLessThanOrEqualTo(254);
                    assertThat(Clean.problem(value)).as("%s of %s", field, user.toJson()).isNull();
                }
                assertThat(user.getString(UserStore.USERNAME)).matches("[a-z0-9_.]{3,30}");
                assertThat(user.getString(UserStore.EMAIL)).isLowerCase();
                assertThat(user.getString(UserStore.HASH_PASSWORD)).startsWith("$argon2id$v=19$");
                assertThat(user.keySet()).doesNotContain("$where", "__proto__", "token", "password");
            }
            assertThat(http.post("/login", Map.of("username", "threeeyed", "password", "hodor hodor hodor")).status())
                    .isEqualTo(200);
        } finally {
            server.close();
        }
    }

    @Property(tries = TRIES, seed = "" + SEED, shrinking = ShrinkingMode.OFF)
    void everyBodyGetsAPromptJsonAnswerThatIsNeverAServerError(@ForAll("calls") Tuple.Tuple2<String, byte[]> call) {
        Http.Answer answer = http.post(call.get1(), call.get2(), "application/json");
        assertThat(answer.status()).as("%s %s → %s", call.get1(), preview(call.get2()), answer.body()).isIn(EXPECTED);
        assertThat(answer.json()).as("%s answered %s", call.get1(), answer.body()).isNotNull();
        assertThat(answer.json().isObject()).isTrue();
        if (answer.status() >= 400) {
            assertThat(answer.field("/error")).as(answer.body()).isNotBlank();
            assertThat(answer.field("/message")).as(answer.body()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, byte[]>> calls() {
        Arbitrary<byte[]> bodies = Arbitraries.frequencyOf(
                Tuple.of(6, objects().map(o -> o.toString().getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, values(2).map(v -> v.toString().getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, Arbitraries.integers().between(1, 60).map(d -> ("{\"a\":" + "[".repeat(d) + "]".repeat(d) + "}")
                        .getBytes(StandardCharsets.UTF_8))));
        return Combinators.combine(Arbitraries.of(PATHS), bodies).as(Tuple::of);
    }

    private Arbitrary<ObjectNode> objects() {
        Arbitrary<Tuple.Tuple2<String, JsonNode>> field = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(FIELD_NAMES)), Tuple.of(1, hostileText())),
                values(3)).as(Tuple::of);
        return field.list().ofMaxSize(8).map(fields -> {
            ObjectNode o = NODES.objectNode();
            fields.forEach(f -> o.set(f.get1(), f.get2()));
            return o;
        });
    }

    private Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.frequencyOf(
                Tuple.of(6, hostileText().map(t -> (JsonNode) NODES.textNode(t))),
                Tuple.of(1, Arbitraries.longs().map(n -> (JsonNode) NODES.numberNode(n))),
                Tuple.of(1, Arbitraries.doubles().map(n -> (JsonNode) NODES.numberNode(n))),
                Tuple.of(1, Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false))
                        .map(n -> (JsonNode) n)),
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.objectNode().putNull("$ne"))));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(8, leaves),
                Tuple.of(1, values(depth - 1).list().ofMaxSize(4).map(l -> (JsonNode) NODES.arrayNode().addAll(l))),
                Tuple.of(1, Arbitraries.lazy(this::objects).map(o -> (JsonNode) o)));
    }

    /** Plausible values (valid names, emails, passwords) mixed with control characters, surrogates and bulk. */
    private Arbitrary<String> hostileText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("arya", "Arya Stark", "no.one_1", "a@b.co", "ARYA@WINTERFELL.EXAMPLE",
                        "valar morghulis 7", "password123", "1234567890", "", " ", "x".repeat(43))),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5)
                        .map(c -> "ar" + c + "ya")),
                Tuple.of(1, Arbitraries.of("\ud800", "a\udfffb", "\ud83d\ude00ok", "\u202eevil", "\ufeff", "\u0000")),
                Tuple.of(1, Arbitraries.integers().between(100, 20_000).map("z"::repeat)));
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
