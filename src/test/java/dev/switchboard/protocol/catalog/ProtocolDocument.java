package dev.switchboard.protocol.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds shared/PROTOCOL.md: beside the checkout (../shared) or at -Dprotocol.md=PATH. */
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
            Path candidate = dir.resolve("shared").resolve("PROTOCOL.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/PROTOCOL.md not found beside the checkout (from "
                + Path.of("").toAbsolutePath() + "); pass -Dprotocol.md=PATH");
    }
}
