package dev.switchboard.protocol.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the project's contract, docs/protocol.md at the root of the checkout, or -Dprotocol.md=PATH. */
final class ProtocolDocument {

    private ProtocolDocument() {
    }

    static List<String> read() throws IOException {
        return Files.readAllLines(locate());
    }

    static Path locate() {
        String explicit = System.getProperty("protocol.md");
        if (explicit != null) {
            return Path.of(explicit);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("protocol.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/protocol.md not found above "
                + Path.of("").toAbsolutePath() + "; pass -Dprotocol.md=PATH");
    }
}
