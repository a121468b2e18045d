package dev.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hardening flags: origins, image and payload sizes, event rate, sockets per user, secret length. */
class LimitFlagsTest {

    private static final String SECRET = "a-secret-that-is-long-enough-for-hs256-0123456789";

    @Test
    void limitsAndOriginsAreReadFromFlagsAndEnvironment() throws Exception {
        ServerConfig config = ServerCommand.parse(new String[] {"--events-per-second", "20", "--event-burst", "40",
                "--sockets-per-user", "3", "--max-connections-per-address", "70000", "--max-image-bytes", "1000",
                "--max-payload", "5000",
                "--cors-origins", "https://a.example, https://b.example/"}, Map.of()).config();
        assertThat(config.limits()).isEqualTo(new ServerConfig.Limits(20, 40, 3, 70000));
        assertThat(ServerCommand.parse(new String[] {"--max-connections-per-address", "0"}, Map.of()).config()
                .limits().connectionsPerAddress()).as("no cap").isZero();
        assertThat(config.maxImageBytes()).isEqualTo(1000);
        assertThat(config.maxPayload()).isEqualTo(5000);
        assertThat(config.corsOrigins()).containsExactly("https://a.example", "https://b.example");

        ServerConfig fromEnv = ServerCommand.parse(new String[0], Map.of("CORS_ORIGINS", "none",
                "MONGODB_URI", "mongodb://db:27017/app", "JWT_SECRET_TOKEN", SECRET)).config();
        assertThat(fromEnv.corsOrigins()).isEmpty();
        assertThat(fromEnv.limits()).isEqualTo(ServerConfig.Limits.DEFAULT);
    }

    @Test
    void aShortSecretIsRefusedAtStartWhereverItCameFrom() {
        String shortSecret = "0123456789abcdef0123456789abcde"; // 31 bytes
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--jwt-secret", shortSecret}, Map.of()))
                .hasMessage("the JWT secret has 248 bits; HS256 needs at least 256 bits (32 bytes): use a longer secret");
        assertThatThrownBy(() -> ServerCommand.parse(new String[0], Map.of("JWT_SECRET_TOKEN", shortSecret)))
                .hasMessage("the JWT secret has 248 bits; HS256 needs at least 256 bits (32 bytes): use a longer secret");
    }

    @Test
    void badLimitsSayWhatIsWrong() {
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--event-burst", "0"}, Map.of()))
                .hasMessage("Invalid value for option '--event-burst': must be a whole number from 1, not \"0\"");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--sockets-per-user", "many"}, Map.of()))
                .hasMessage("Invalid value for option '--sockets-per-user': must be a whole number from 1, not \"many\"");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--max-image-bytes", "2000000"}, Map.of()))
                .hasMessage("maxPayload 2097152 cannot carry an image of 2000000 bytes in base64; raise it to at"
                        + " least 2667692");
        assertThat(List.of(ServerCommand.usage().split("\n"))).anyMatch(l -> l.contains("--sockets-per-user"));
    }
}
