package dev.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.protocol.jwt.Jwt;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerCommandTest {

    private static final String SECRET = "a-secret-that-is-long-enough-for-hs256-0123456789";

    @Test
    void defaultsRunTheEmbeddedDatabaseWithTheExampleSecret() throws Exception {
        ServerConfig c = ServerCommand.parse(new String[0], Map.of()).config();
        assertThat(c.port()).isEqualTo(3000);
        assertThat(c.dbPort()).isEqualTo(27018);
        assertThat(c.dbFile()).isEqualTo(Path.of("data/switchboard.mv"));
        assertThat(c.embeddedDatabase()).isTrue();
        assertThat(c.jwtSecret()).isEqualTo(Jwt.EXAMPLE_SECRET);
        assertThat(c.exampleSecret()).isTrue();
        assertThat(c.maxImageBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void flagsOverrideEnvironment() throws Exception {
        ServerConfig c = ServerCommand.parse(new String[] {"--port", "4000", "--db-port=27100", "--db-file", "x/y.mv",
                "--db-memory", "--jwt-secret", SECRET}, Map.of("PORT", "5000")).config();
        assertThat(c.port()).isEqualTo(4000);
        assertThat(c.dbPort()).isEqualTo(27100);
        assertThat(c.dbFile()).isEqualTo(Path.of("x/y.mv"));
        assertThat(c.dbMemory()).isTrue();
        assertThat(c.jwtSecret()).isEqualTo(SECRET);
        assertThat(c.exampleSecret()).isFalse();
    }

    @Test
    void theWarmUpIsAskedForByItsFlagOnly() throws Exception {
        assertThat(ServerCommand.parse(new String[0], Map.of()).warmUp()).isFalse();
        assertThat(ServerCommand.parse(new String[] {"--warm-up", "--db-memory"}, Map.of()).warmUp()).isTrue();
        assertThat(ServerCommand.usage()).contains("--warm-up");
    }

    @Test
    void environmentVariablesAreRead() throws Exception {
        ServerConfig c = ServerCommand.parse(new String[0], Map.of("PORT", "5000",
                "MONGODB_URI", "mongodb://db:27017/app", "JWT_SECRET_TOKEN", SECRET)).config();
        assertThat(c.port()).isEqualTo(5000);
        assertThat(c.mongoUri()).isEqualTo("mongodb://db:27017/app");
        assertThat(c.embeddedDatabase()).isFalse();
        assertThat(c.jwtSecret()).isEqualTo(SECRET);
    }

    @Test
    void externalDatabaseWithoutSecretIsRefused() {
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--mongo-uri", "mongodb://db:27017"}, Map.of()))
                .isInstanceOf(ServerCommand.UsageException.class)
                .hasMessageContaining("--jwt-secret").hasMessageContaining("JWT_SECRET_TOKEN");
    }

    @Test
    void badFlagsSayWhatIsWrong() {
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--prot", "1"}, Map.of()))
                .hasMessage("Unknown options: '--prot', '1'");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port"}, Map.of()))
                .hasMessage("Missing required parameter for option '--port' (N)");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port", "abc"}, Map.of()))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port", "70000"}, Map.of()))
                .hasMessageContaining("0-65535");
        assertThatThrownBy(() -> ServerCommand.parse(new String[0], Map.of("PORT", "x")))
                .hasMessage("environment variable PORT: must be a port number 0-65535, not \"x\"");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--jwt-secret", "short"}, Map.of()))
                .hasMessageContaining("256 bits");
    }

    @Test
    void theHelpNamesEveryFlagAndTheVariablesThatStandInForThem() {
        assertThat(ServerCommand.usage()).contains("Usage: scripts/server", "--port", "PORT", "--host", "--db-port",
                "--db-file", "--db-memory", "--mongo-uri", "MONGODB_URI", "--jwt-secret", "JWT_SECRET_TOKEN",
                "--redis-uri", "REDIS_URI", "--smtp-uri", "SMTP_URI", "--node-name", "NODE_NAME", "--cors-origins", "CORS_ORIGINS",
                "--max-image-bytes", "--max-payload", "--events-per-second", "--event-burst", "--sockets-per-user");
    }

    @Test
    void helpIsRecognised() throws Exception {
        assertThat(ServerCommand.parse(new String[] {"--port", "1", "--help"}, Map.of()).help()).isTrue();
    }
}
