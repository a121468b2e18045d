package dev.switchboard.scenario.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.scenario.model.Fixture;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.ScenarioReader;
import dev.switchboard.scenario.model.ScenarioWriter;
import dev.switchboard.scenario.model.Step;
import dev.switchboard.scenario.run.RunFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The recording rules, on frames as the console sees them (the round trip over real sockets is the console's test). */
class RecorderTest {

    static final String JOHN = "63021602091fa84d91c8e9bf";
    static final String KIA = "62fc0c0c2b83bd50cb5fef05";
    final Jwt jwt = new Jwt(Jwt.EXAMPLE_SECRET);
    final Instant start = Instant.now();
    long seq;

    static JsonNode json(String text) throws Exception {
        return ScenarioReader.JSON.readTree(text);
    }

    RecordedFrame frame(String conn, RunFrame.Kind kind, String event, String payload, long requestSeq, String status)
            throws Exception {
        return new RecordedFrame(++seq, conn, kind, event, payload == null ? null : json(payload), requestSeq, status);
    }

    @Test
    void newIdsAreCapturedWhereTheFirstStepSeesThemAndReferredToAfter() throws Exception {
        Recorder r = new Recorder(start);
        r.connection(new RecordedConnection("c1", "john snow", JOHN, jwt.sign(JOHN), "/", "websocket"));
        r.connection(new RecordedConnection("c2", "kia", KIA, jwt.sign(KIA), "/", "websocket"));
        r.connection(new RecordedConnection("c3", "kia", KIA, jwt.sign(KIA), "/", "websocket"));
        r.connection(new RecordedConnection("c4", "eve", null, "not-a-jwt", "/", "websocket"));
        r.connection(new RecordedConnection("c5", "admin", JOHN, jwt.sign(JOHN, null, Map.of("role", "admin")),
                "/admin", "websocket"));
        String fresh = new ObjectId().toHexString();
        String now = Instant.now().toString();
        String message = "{\"_id\":\"" + fresh + "\",\"from\":\"" + JOHN + "\",\"to\":\"" + KIA
                + "\",\"sent_at\":\"" + now + "\",\"context\":{\"text\":\"hi\"}}";
        r.frame(frame("c1", RunFrame.Kind.CONNECT, "connect", null, 0, null));
        r.frame(frame("c2", RunFrame.Kind.CONNECT, "connect", null, 0, null));
        r.frame(frame("c3", RunFrame.Kind.CONNECT, "connect", null, 0, null));
        r.frame(frame("c4", RunFrame.Kind.CONNECT_ERROR, "connect_error",
                "{\"message\":\"rejected: authentication: not a JWT\"}", 0, null));
        r.frame(frame("c5", RunFrame.Kind.CONNECT, "connect", null, 0, null));
        r.frame(frame("c2", RunFrame.Kind.PUSH, "tweet/send/byPagination", "[{\"_id\":\"x\"}]", 0, null));
        RecordedFrame emit = frame("c1", RunFrame.Kind.EMIT, "message/new",
                "[{\"to\":\"" + KIA + "\",\"context\":{\"text\":\"hi\"}}]", 0, null);
        r.frame(emit);
        // the pushes arrive before the ack: the capture still belongs to the emit, the earlier step
        r.frame(frame("c2", RunFrame.Kind.PUSH, "message/send/to", message, 0, null));
        r.frame(frame("c3", RunFrame.Kind.PUSH, "message/send/to", message, 0, null));
        r.frame(frame("c1", RunFrame.Kind.ACK, "message/new", "{\"status\":\"ok\",\"message\":" + message + "}",
                emit.seq(), "ok"));
        RecordedFrame seen = frame("c2", RunFrame.Kind.EMIT, "message/seen", "[\"" + JOHN + "\"]", 0, null);
        r.frame(seen);
        r.frame(frame("c2", RunFrame.Kind.ACK, "message/seen", "{\"status\":\"forbidden\",\"error\":\"no\"}",
                seen.seq(), "forbidden"));
        RecordedFrame list = frame("c1", RunFrame.Kind.EMIT, "message/get/all/byPagination", "[\"" + KIA + "\"]", 0, null);
        r.frame(list);
        r.frame(frame("c1", RunFrame.Kind.ACK, "message/get/all/byPagination",
                "{\"status\":\"ok\",\"page\":1,\"messages\":[" + message + "]}", list.seq(), "ok"));
        r.frame(frame("c2", RunFrame.Kind.DISCONNECT, "disconnect", "{\"reason\":\"closed by the console\"}", 0, null));

        Scenario s = r.scenario("recorded", new Fixture.Documented());
        String text = ScenarioWriter.toJson(s);
        assertThat(ScenarioReader.parse(text, "again.json", false)).isEqualTo(s);

        assertThat(s.actors().keySet()).containsExactly("johnsnow", "kia", "eve", "admin");
        assertThat(s.actors().get("kia").sockets()).isEqualTo(2);
        assertThat(s.actors().get("eve").token()).isEqualTo("not-a-jwt");
        assertThat(s.actors().get("admin").claims()).isEqualTo(Map.of("role", "admin"));
        assertThat(s.actors().get("admin").namespace()).isEqualTo("/admin");
        assertThat(s.steps()).extracting(Step::describe).containsExactly(
                "connect johnsnow", "connect kia", "connect eve (expect error \"authentication\")", "connect admin",
                "expectPush tweet/send/byPagination on kia", "emit message/new as johnsnow",
                "expectPush message/send/to on kia", "emit message/seen as kia",
                "emit message/get/all/byPagination as johnsnow", "disconnect kia");

        Step.Emit send = (Step.Emit) s.steps().get(5);
        assertThat(send.args().toString()).isEqualTo("[{\"to\":\"${kia.id}\",\"context\":{\"text\":\"hi\"}}]");
        assertThat(send.capture()).isEqualTo(Map.of("message", "message._id"));
        assertThat(send.expect().at("/message/_id").toString()).isEqualTo("{\"$type\":\"id\"}");
        assertThat(send.expect().at("/message/sent_at").toString()).isEqualTo("{\"$type\":\"date\"}");
        assertThat(send.expect().at("/message/from").asText()).isEqualTo("${johnsnow.id}");
        Step.ExpectPush push = (Step.ExpectPush) s.steps().get(6);
        assertThat(push.match().at("/_id").asText()).isEqualTo("${message}");
        assertThat(((Step.ExpectPush) s.steps().get(4)).match()).isNull();
        assertThat(((Step.Emit) s.steps().get(7)).expect().toString())
                .isEqualTo("{\"status\":\"forbidden\",\"error\":{\"$type\":\"string\"}}");
        assertThat(((Step.Emit) s.steps().get(8)).expect().at("/messages/$contains/0/_id").asText())
                .isEqualTo("${message}");
    }

    @Test
    void anExpiredTokenIsReplayedAsItIsAndOldIdsStayLiteral() throws Exception {
        Recorder r = new Recorder(start);
        String expired = jwt.sign(KIA, Duration.ofMinutes(-5), Map.of());
        r.connection(new RecordedConnection("c1", "late", KIA, expired, "/", "polling"));
        r.frame(frame("c1", RunFrame.Kind.CONNECT_ERROR, "connect_error",
                "{\"message\":\"rejected: authentication: the token expired\"}", 0, null));
        Scenario s = r.scenario("r", Fixture.NONE);
        assertThat(s.actors().get("late").token()).isEqualTo(expired);
        assertThat(s.actors().get("late").user()).isNull();
        assertThat(s.actors().get("late").transport()).isEqualTo("polling");
        assertThat(s.steps()).containsExactly(new Step.Connect("late", "authentication"));
    }
}
