package dev.switchboard.console.timeline;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.core.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class TimelineViewTest {

    private static ConsoleHarness h;
    private static TimelineView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        view = h.window().view(TimelineView.class);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void tenThousandFramesArriveAndCanBeSearchedAndInspected() {
        fx(() -> h.window().show(3));
        TimelineModel model = h.ctx().timeline();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                var payload = Json.NODES.objectNode().put("n", i).put("text", i == 4242 ? "needle in the haystack" : "hay");
                model.publish(i % 2 == 0 ? "c1" : "c2", i % 2 == 0 ? "jhonsnow" : "kiarashatri",
                        i % 3 == 0 ? FrameKind.OUT : FrameKind.IN, i % 5 == 0 ? "tweet/new" : "message/send/to", payload);
            }
        });
        producer.start();

        waitFor("10,000 rows in the table", 30, () -> view.table.getItems().size() == 10_000);

        robot.clickOn("#timeline-search").write("needle");
        waitFor("the search to narrow the table", 10, () -> view.table.getItems().size() == 1);
        java.util.function.Predicate<javafx.scene.Node> firstRow = n -> n instanceof javafx.scene.control.TableRow<?> row
                && row.getItem() instanceof Frame f && f.searchText().contains("needle");
        waitFor("the needle's row", 10, () -> robot.from(view.table).lookup(firstRow).tryQuery().isPresent());
        robot.clickOn(robot.from(view.table).lookup(firstRow).queryAs(javafx.scene.Node.class));
        waitFor("the payload tree", 10, () -> view.detail.value() != null);
        assertThat(view.detail.value().path("text").asText()).isEqualTo("needle in the haystack");
        assertThat(view.detail.tree().getRoot().getChildren()).extracting(i -> i.getValue())
                .contains("text: \"needle in the haystack\"");

        fx(() -> view.search.clear());
        robot.clickOn("#timeline-event-filter").write("tweet/");
        waitFor("the event filter", 10, () -> view.table.getItems().size() == 2_000);
        fx(() -> view.eventFilter.clear());
        waitFor("every row back", 10, () -> view.table.getItems().size() == 10_000);
    }

    @Test
    void pauseHoldsNewFramesUntilResume() {
        fx(() -> h.window().show(3));
        TimelineModel model = h.ctx().timeline();
        int before = fx(() -> model.rows().size());
        robot.clickOn("#timeline-pause");
        model.publish("c9", "someone", FrameKind.IN, "tweet/new", Json.NODES.objectNode());
        model.publish("c9", "someone", FrameKind.IN, "tweet/new", Json.NODES.objectNode());
        waitFor("the counter to show waiting frames", 10, () -> robot.lookup("#timeline-counts").queryLabeled()
                .getText().endsWith("paused, 2 waiting"));
        assertThat(fx(() -> model.rows().size())).isEqualTo(before);
        robot.clickOn("#timeline-pause");
        waitFor("the held frames", 10, () -> model.rows().size() == before + 2);
    }
}
