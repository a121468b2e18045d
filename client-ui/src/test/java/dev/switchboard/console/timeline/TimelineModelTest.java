package dev.switchboard.console.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineModelTest {

    @TempDir
    Path dir;

    private final TimelineModel model = new TimelineModel();

    private Frame publishIn(String conn, String event, String text) {
        return model.publish(conn, conn + "-user", FrameKind.IN, event, Json.NODES.objectNode().put("text", text));
    }

    @Test
    void framesReachTheRowsInBatchesNotOneChangePerFrame() throws InterruptedException {
        AtomicInteger changes = new AtomicInteger();
        model.rows().addListener((ListChangeListener<Frame>) c -> changes.incrementAndGet());
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                publishIn("c1", "tweet/new", "tweet " + i);
            }
        });
        producer.start();
        producer.join();

        while (model.drain(2_000) > 0) {
            // one call per animation pulse in the app
        }

        assertThat(model.rows()).hasSize(10_000);
        assertThat(changes.get()).isEqualTo(5);
        assertThat(model.rows().get(9_999).payload().path("text").asText()).isEqualTo("tweet 9999");
    }

    @Test
    void pausingHoldsFramesBackUntilResumed() {
        model.setPaused(true);
        publishIn("c1", "a", "x");
        assertThat(model.drain(100)).isZero();
        assertThat(model.pending()).isEqualTo(1);
        model.setPaused(false);
        assertThat(model.drain(100)).isEqualTo(1);
        assertThat(model.pending()).isZero();
    }

    @Test
    void filtersCombineEventConnectionDirectionAndFreeText() {
        publishIn("c1", "message/send/to", "hello kia");
        publishIn("c2", "message/send/to", "hello john");
        publishIn("c2", "tweet/new", "hello world");
        model.publish("c1", "john", FrameKind.CONNECT, "connect", Json.NODES.objectNode());
        model.drain(100);

        model.setFilter(new TimelineFilter("message/", null, null, ""));
        assertThat(model.visible()).hasSize(2);
        model.setFilter(new TimelineFilter("message/", "c2", null, ""));
        assertThat(model.visible()).extracting(f -> f.payload().path("text").asText()).containsExactly("hello john");
        model.setFilter(new TimelineFilter("", null, EnumSet.of(FlowDirection.LIFECYCLE), ""));
        assertThat(model.visible()).extracting(Frame::event).containsExactly("connect");
        model.setFilter(new TimelineFilter("", null, null, "WORLD"));
        assertThat(model.visible()).extracting(Frame::event).containsExactly("tweet/new");
        model.setFilter(new TimelineFilter("", null, EnumSet.noneOf(FlowDirection.class), ""));
        assertThat(model.visible()).isEmpty();
    }

    @Test
    void anAckKnowsTheEmitItAnswers() {
        long seq = model.nextSeq();
        Frame emit = Frame.of(seq, 1, "c1", "john", FrameKind.OUT, "user/block/get/all", Json.NODES.arrayNode(), 0, -1, null);
        model.publish(emit);
        Frame ack = Frame.of(model.nextSeq(), 2, "c1", "john", FrameKind.ACK, "user/block/get/all",
                Json.NODES.objectNode().put("status", "ok"), seq, 3, "ok");
        model.publish(ack);
        model.drain(10);

        assertThat(model.requestOf(ack)).isEqualTo(emit);
        assertThat(ack.summary()).startsWith("ok · 3 ms · #" + seq);
    }

    @Test
    void clearingDropsShownAndQueuedFrames() {
        publishIn("c1", "a", "x");
        model.drain(10);
        publishIn("c1", "b", "y");
        model.clear();
        assertThat(model.drain(10)).isZero();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void exportWritesOneJsonObjectPerLine() throws Exception {
        publishIn("c1", "message/send/to", "hi");
        publishIn("c2", "tweet/new", "yo");
        model.drain(10);
        Path file = dir.resolve("t.jsonl");

        TimelineModel.exportJsonLines(List.copyOf(model.rows()), file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        var first = Json.parse(lines.get(0));
        assertThat(first.path("event").asText()).isEqualTo("message/send/to");
        assertThat(first.path("connection").asText()).isEqualTo("c1");
        assertThat(first.path("kind").asText()).isEqualTo("in");
        assertThat(first.path("payload").path("text").asText()).isEqualTo("hi");
        assertThat(first.path("at").asText()).endsWith("Z");
    }
}
