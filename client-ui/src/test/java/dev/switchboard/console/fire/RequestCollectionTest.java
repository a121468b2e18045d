package dev.switchboard.console.fire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.console.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestCollectionTest {

    @TempDir
    Path dir;

    @Test
    void aSavedCollectionLoadsBackTheSame() throws IOException {
        var data = Json.NODES.objectNode().put("to", "62fc0c0c2b83bd50cb5fef05");
        data.putObject("context").put("text", "hi");
        RequestCollection c = new RequestCollection("smoke", List.of(
                new SavedRequest("say hi", "message/new", List.of(data)),
                new SavedRequest("my blocks", "user/block/get/all", List.of())));
        Path file = dir.resolve("smoke.json");

        c.save(file);
        RequestCollection back = RequestCollection.load(file);

        assertThat(back).isEqualTo(c);
        assertThat(Files.readString(file)).contains("\"event\" : \"message/new\"");
    }

    @Test
    void anUnknownEventIsReportedWithItsPosition() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"requests\":[{\"event\":\"user/block/get/all\"},{\"event\":\"nope/never\"}]}");
        assertThatThrownBy(() -> RequestCollection.load(file))
                .hasMessage("request 2 of bad.json: \"nope/never\" is no listener of the catalog");
    }

    @Test
    void aFileThatIsNoCollectionIsSaidToBeSo() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "[1,2]");
        assertThatThrownBy(() -> RequestCollection.load(file)).hasMessageContaining("no \"requests\" array");
        Files.writeString(file, "{oops");
        assertThatThrownBy(() -> RequestCollection.load(file)).hasMessageStartingWith("other.json is not JSON");
    }
}
