package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.testing.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine against the official Node.js socket.io-client@4 (scripts in src/test/node). */
class NodeClientInteropTest {

    static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();
    static SocketIoServer io;

    @BeforeAll
    static void prepare() throws Exception {
        RequiredTools.requireNodePackages(NODE_DIR, "socket.io-client");
        io = InteropServer.start();
    }

    @AfterAll
    static void stop() {
        if (io != null) {
            io.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket", "polling,websocket"})
    void scenarios(String transports) throws Exception {
        Process node = new ProcessBuilder("node", "scenarios.js", "http://127.0.0.1:" + io.port(), transports)
                .directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        JsonNode result = JSON.readTree(out);
        assertThat(node.exitValue()).as(out).isZero();

        assertThat(result.at("/auth/token").asText()).isEqualTo("abc");
        assertThat(result.get("ack").toString()).isEqualTo("[1,\"2\",{\"3\":[true]}]");
        assertThat(result.get("binaryBack").toString()).isEqualTo("[[1,2,3],\"text\"]");
        assertThat(result.get("question").toString()).isEqualTo("[\"a\",2,[9,8]]");
        assertThat(result.get("answer").toString()).isEqualTo("[\"x\",3,[7]]");
        assertThat(result.get("transport").asText()).isEqualTo(transports.contains(",") ? "websocket" : transports);
        assertThat(result.get("shouts").toString()).isEqualTo("{\"a\":[\"hello\"],\"b\":[\"hello\",\"from a\"],\"c\":[]}");
        assertThat(result.get("rejected").toString()).isEqualTo("{\"message\":\"not allowed\",\"data\":{\"code\":7}}");
        assertThat(result.at("/welcome/token").asText()).isEqualTo("letmein");
    }
}
