package dev.switchboard.server.socket;

import static dev.switchboard.server.harness.Replies.failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.ArgType;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The argument rules, checked on every listener of the catalog over a real socket. */
class ArgumentRulesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static TestClient client;

    @BeforeAll
    static void connect() {
        client = server.connect(server.user());
    }

    /** A well-formed value for an argument (the id may name nothing). */
    static Object wellFormed(ArgSpec arg) {
        return switch (arg.type()) {
            case ID -> new ObjectId().toHexString();
            case ID_LIST -> List.of(new ObjectId().toHexString());
            case PAGE -> 1;
            case TEXT, TEXT_OR_OBJECT -> "hello";
            case BOOLEAN -> true;
            case OBJECT -> Map.of();
            case IMAGE -> "aGk=";
        };
    }

    static List<Object> wellFormedArgs(EventSpec spec) {
        List<Object> args = new ArrayList<>();
        spec.args().forEach(a -> args.add(wellFormed(a)));
        return args;
    }

    @TestFactory
    Stream<DynamicTest> leavingOutARequiredArgumentIsInvalid() {
        return EventCatalog.listeners().stream().filter(s -> s.requiredArgs() > 0).flatMap(spec ->
                spec.args().stream().filter(a -> !a.optional()).map(arg -> DynamicTest.dynamicTest(
                        spec.name() + " without " + arg.name(), () -> {
                            List<Object> args = wellFormedArgs(spec);
                            int at = spec.args().indexOf(arg);
                            args.set(at, null);
                            String error = failed(client.call(spec.name(), args.toArray()), "invalid_argument");
                            assertThat(error).contains(arg.name());
                            // and with nothing at all
                            failed(client.call(spec.name()), "invalid_argument");
                        })));
    }

    @TestFactory
    Stream<DynamicTest> anIdThatIsNotA24HexStringIsInvalid() {
        List<Object> badIds = List.of(neNull(), 42, "abc", "zzzzzzzzzzzzzzzzzzzzzzzz",
                List.of("63021602091fa84d91c8e9bf"), true);
        return EventCatalog.listeners().stream().flatMap(spec -> spec.args().stream()
                .filter(a -> a.type() == ArgType.ID || a.type() == ArgType.ID_LIST)
                .map(arg -> DynamicTest.dynamicTest(spec.name() + " " + arg.name(), () -> {
                    for (Object bad : badIds) {
                        List<Object> args = wellFormedArgs(spec);
                        int at = spec.args().indexOf(arg);
                        args.set(at, arg.type() == ArgType.ID_LIST ? List.of(bad) : bad);
                        if (arg.type() == ArgType.ID_LIST && bad instanceof List) {
                            continue;
                        }
                        String error = failed(client.call(spec.name(), args.toArray()), "invalid_argument");
                        assertThat(error).contains(arg.name()).contains("24-hex-digit");
                    }
                })));
    }

    static Map<String, Object> neNull() {
        Map<String, Object> operator = new java.util.HashMap<>();
        operator.put("$ne", null);
        return operator;
    }

    @Test
    void theMongoOperatorObjectIsRefusedAsAnId() {
        JsonNode reply = client.call("user/profile/get", neNull());
        assertThat(failed(reply, "invalid_argument")).contains("userId must be a 24-hex-digit id");
    }

    @TestFactory
    Stream<DynamicTest> aPageThatIsNotAWholeNumberFromOneIsInvalid() {
        return EventCatalog.listeners().stream().filter(s -> s.args().stream().anyMatch(a -> a.type() == ArgType.PAGE))
                .map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
                    int at = spec.args().size() - 1;
                    for (Object bad : List.of(0, -1, 1.5, "2", Map.of("n", 1), 2_000_000)) {
                        List<Object> args = wellFormedArgs(spec);
                        args.set(at, bad);
                        assertThat(failed(client.call(spec.name(), args.toArray()), "invalid_argument"))
                                .contains("page");
                    }
                }));
    }

    @Test
    void textsAreMeasuredAfterTrimming() {
        assertThat(failed(client.call("tweet/add", "   "), "invalid_argument")).contains("tweetContext is empty");
        assertThat(failed(client.call("tweet/add", "x".repeat(281)), "invalid_argument"))
                .contains("281 characters").contains("280");
        assertThat(failed(client.call("tweet/add", Map.of("context", "")), "invalid_argument"))
                .contains("tweetContext.context");
        assertThat(failed(client.call("tweet/add", 5), "invalid_argument")).contains("tweetContext");
        assertThat(failed(client.call("tweet/add", Map.of("text", "wrong field")), "invalid_argument"))
                .contains("tweetContext.context");
    }

    @Test
    void booleansMustBeBooleans() {
        assertThat(failed(client.call("user/publicity/toggle", "yes"), "invalid_argument"))
                .contains("public must be true or false");
    }

    @Test
    void imagesMustBeBase64() {
        assertThat(failed(client.call("story/new", "not base64!"), "invalid_argument")).contains("base64");
        assertThat(failed(client.call("story/new", ""), "invalid_argument")).contains("base64Image is empty");
        assertThat(failed(client.call("story/new", 12), "invalid_argument")).contains("base64Image");
    }

    @Test
    void anEventSentWithoutAckStillRunsAndTheConnectionStays() {
        client.send("tweet/add", Map.of("$bad", true));
        assertThat(client.call("user/block/get/all").path("status").asText()).isEqualTo("ok");
    }
}
