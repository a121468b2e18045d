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
        fx(() -> view.table.getSelectionModel().select(view.table.getItems().get(0)));
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

    @Test
    void theCountFollowsTheFiltersAndTheDetailLeavesWithItsRow() {
        fx(() -> h.window().show(3));
        TimelineModel model = h.ctx().timeline();
        fx(() -> model.clear());
        Frame tweet = model.publish("c1", "jhonsnow", FrameKind.IN, "tweet/new", Json.NODES.objectNode().put("t", 1));
        model.publish("c1", "jhonsnow", FrameKind.OUT, "message/new", Json.NODES.objectNode());
        waitFor("two rows", 10, () -> model.rows().size() == 2);
        waitFor("the count", 10, () -> counts().equals("2 shown of 2 frames"));
        fx(() -> view.table.getSelectionModel().select(tweet));
        waitFor("the tweet's payload", 10, () -> view.detail.value() != null);

        robot.clickOn("#timeline-event-filter").write("message/");
        waitFor("the filter", 10, () -> view.table.getItems().size() == 1);
        waitFor("the count to follow the filter", 10, () -> counts().equals("1 shown of 2 frames"));
        assertThat(fx(() -> view.detail.value())).isNull();
        assertThat(robot.lookup("#timeline-detail-title").queryLabeled().getText()).startsWith("Select a row");
        fx(() -> view.eventFilter.clear());
    }

    @Test
    void followScrollsToNewRowsEvenWithARowSelected() {
        fx(() -> h.window().show(3));
        TimelineModel model = h.ctx().timeline();
        fx(() -> model.clear());
        for (int i = 0; i < 200; i++) {
            model.publish("c1", "jhonsnow", FrameKind.IN, "tweet/new", Json.NODES.objectNode().put("n", i));
        }
        waitFor("200 rows", 10, () -> model.rows().size() == 200);
        fx(() -> {
            view.table.getSelectionModel().select(0);
            view.table.scrollTo(0);
        });
        Frame last = model.publish("c1", "jhonsnow", FrameKind.IN, "tweet/new", Json.NODES.objectNode().put("n", 200));
        waitFor("the new row scrolled into view", 10, () -> lastVisibleRow() == 200);
        assertThat(fx(() -> view.table.getSelectionModel().getSelectedIndex())).isZero();
    }

    @Test
    void theTimeColumnShowsTheWholeTime() {
        fx(() -> h.window().show(3));
        h.ctx().timeline().publish("c1", "jhonsnow", FrameKind.IN, "tweet/new", Json.NODES.objectNode());
        waitFor("a time cell", 10, () -> robot.from(view.table).lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && "Time".equals(c.getTableColumn().getText()) && c.getText() != null));
        var cell = fx(() -> robot.from(view.table).lookup(".table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && "Time".equals(c.getTableColumn().getText())
                        && c.getText() != null).findFirst().orElseThrow());
        String shown = fx(() -> cell.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse(""));
        assertThat(shown).isEqualTo(cell.getText()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    }

    private int lastVisibleRow() {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) robot.from(view.table).lookup(".virtual-flow").query();
        return flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
    }

    /** Each test starts from every frame shown, whatever the one before left in the filters. */
    @org.junit.jupiter.api.BeforeEach
    void noFilter() {
        fx(() -> {
            view.search.clear();
            view.eventFilter.clear();
        });
        waitFor("the filters cleared", 10, () -> view.table.getItems().size() == h.ctx().timeline().rows().size());
    }

    private String counts() {
        return robot.lookup("#timeline-counts").queryLabeled().getText();
    }
}
