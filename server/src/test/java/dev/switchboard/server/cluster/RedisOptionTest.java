package dev.switchboard.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerCommand;
import dev.switchboard.server.config.ServerConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --redis-uri} / REDIS_URI and {@code --node-name} / NODE_NAME, and a Redis that cannot be reached. */
class RedisOptionTest {

    @Test
    void theFlagsAndTheirEnvironmentVariablesSetRedisAndTheNodeName() throws Exception {
        ServerConfig fromFlags = ServerCommand.parse(new String[] {"--redis-uri", "redis://10.0.0.5:6380",
                "--node-name=eu-1"}, Map.of()).config();
        assertThat(fromFlags.redisUri()).isEqualTo("redis://10.0.0.5:6380");
        assertThat(fromFlags.nodeName()).isEqualTo("eu-1");

        ServerConfig fromEnv = ServerCommand.parse(new String[0], Map.of("REDIS_URI", "redis://cache:6379",
                "NODE_NAME", "eu-2")).config();
        assertThat(fromEnv.redisUri()).isEqualTo("redis://cache:6379");
        assertThat(fromEnv.nodeName()).isEqualTo("eu-2");

        ServerConfig alone = ServerCommand.parse(new String[0], Map.of()).config();
        assertThat(alone.redisUri()).as("a single node without Redis").isNull();
        assertThat(ServerCommand.usage()).contains("--redis-uri", "REDIS_URI");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--redis-uri"}, Map.of()))
                .isInstanceOf(ServerCommand.UsageException.class).hasMessageContaining("Missing required parameter for option '--redis-uri'");
    }

    @Test
    void aRedisThatCannotBeReachedStopsTheStartWithTheReasonQuickly() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ServerConfig config = ServerConfig.ephemeral().redisUri("redis://127.0.0.1:" + closedPort).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> SwitchboardServer.start(config))
                .hasMessageContaining("cannot reach Redis at 127.0.0.1:" + closedPort);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
