package dev.switchboard.server.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up connects every user of its throwaway fixture, each until its four connect pushes, through the whole
 * server (handshake, token, middlewares, pushes), and leaves nothing behind. How much faster it makes the first
 * connects after a start is measured by scripts/bench, not here.
 */
class WarmUpTest {

    @Test
    void everyUserConnectsUntilItsPushesInEveryRound() throws Exception {
        WarmUp.Outcome outcome = new WarmUp(20, 3, 5).run(ServerConfig.ephemeral().build());
        assertThat(outcome.connects()).isEqualTo(60);
        assertThat(outcome.failed()).as("connects refused or without their four pushes").isZero();
    }

    @Test
    void beforeAServerOnAFileItUsesAThrowawayFileAndDeletesIt(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.mv");
        List<Path> before = warmUpDirectories();
        WarmUp.Outcome outcome = new WarmUp(10, 2, 5).run(ServerConfig.ephemeral().dbMemory(false).dbFile(real).build());
        assertThat(outcome.failed()).isZero();
        assertThat(outcome.connects()).isEqualTo(20);
        assertThat(real).as("the real database is not touched").doesNotExist();
        assertThat(warmUpDirectories()).as("the throwaway database's directory is gone").isEqualTo(before);
    }

    private static List<Path> warmUpDirectories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("switchboard-warm-up")).sorted().toList();
        }
    }
}
