package dev.switchboard.console.moderation;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.data.UserRef;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * For moderators: browse users, and for one user see whom they block and who blocks them, follow
 * requests both ways, followers and following, each with usernames and dates; act on the user
 * (suspend, lift, revoke tokens) and on their content (remove a tweet, comment or story) through
 * {@code /admin}, each after a confirmation that names the target and requires a reason; the audit log.
 */
public final class ModerationView implements ConsoleView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ConsoleContext ctx;
    private final SplitPane root;
    public final TextField search = new TextField();
    public final ListView<UserRef> users = new ListView<>();
    private final Label name = Ui.title("Pick a user");
    private final Label facts = new Label();
    private final StatusLine status = new StatusLine();
    final Label origin = Ui.hint("Double-click anyone to open them.");
    final RelationTable blocks = new RelationTable("Blocks", "Blocked at");
    final RelationTable blockedBy = new RelationTable("Blocked by", "Blocked at");
    final RelationTable requestsIn = new RelationTable("Follow requests in", "Requested at");
    final RelationTable requestsOut = new RelationTable("Follow requests out", "Requested at");
    final RelationTable followers = new RelationTable("Followers", "Since");
    final RelationTable following = new RelationTable("Following", "Since");
    private final Button back = Ui.button("← Back", e -> back());
    final Label suspension = new Label();
    final ConfirmAction confirm = new ConfirmAction();
    final AuditPane audit;
    final ChoiceBox<String> contentKind = new ChoiceBox<>(FXCollections.observableArrayList("tweet", "comment", "story"));
    final TextField contentId = new TextField();
    private final HBox actions;
    private final Deque<String> trail = new ArrayDeque<>();
    private final PauseTransition searchLater = new PauseTransition(Duration.millis(250));
    private final AtomicLong generation = new AtomicLong();
    private String shownId;
    /** Shown as suspended in the user list. */
    private Set<String> suspendedIds = Set.of();
    private String shownName;

    public ModerationView(ConsoleContext ctx) {
        this.ctx = ctx;
        search.setPromptText("search users (Ctrl+F)");
        search.setId("moderation-search");
        searchLater.setOnFinished(e -> searchUsers());
        search.textProperty().addListener((o, a, b) -> searchLater.playFromStart());
        users.setPlaceholder(new Label("No users. Seed some in Fixtures (Ctrl+5)."));
        users.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(UserRef u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u + (suspendedIds.contains(u.id()) ? "  · SUSPENDED" : ""));
            }
        });
        users.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> {
            if (u != null && !u.id().equals(shownId)) {
                trail.clear();
                open(u.id());
            }
        });
        Button refresh = Ui.button("Refresh", e -> {
            searchUsers();
            if (shownId != null) {
                open(shownId);
            }
        });
        VBox left = new VBox(8, Ui.heading("Users"), Ui.row(Ui.grow(search), refresh), Ui.grow(users));
        left.getStyleClass().add("side-pane");
        left.setMinWidth(220);

        facts.setWrapText(true);
        facts.getStyleClass().add("hint");
        facts.setId("moderation-facts");
        back.setDisable(true);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        RelationTable[] tables = {blocks, blockedBy, requestsIn, requestsOut, followers, following};
        for (int i = 0; i < tables.length; i++) {
            grid.add(tables[i].box, i % 2, i / 2);
            GridPane.setHgrow(tables[i].box, Priority.ALWAYS);
            GridPane.setVgrow(tables[i].box, Priority.ALWAYS);
        }
        for (int c = 0; c < 2; c++) {
            var cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(50);
            grid.getColumnConstraints().add(cc);
        }
        suspension.setId("moderation-suspension");
        suspension.getStyleClass().add("error");
        contentKind.setValue("tweet");
        contentId.setPromptText("id of a tweet, comment or story");
        contentId.setId("moderation-content-id");
        actions = Ui.row(Ui.button("Suspend…", e -> askSuspend()), Ui.button("Lift suspension…", e -> askLift()),
                Ui.button("Revoke tokens…", e -> askRevoke()), Ui.spacer(), contentKind, contentId,
                Ui.button("Remove…", e -> askRemove()));
        actions.setDisable(true);
        audit = new AuditPane(ctx);
        audit.table.setPrefHeight(160);
        VBox right = Ui.page(Ui.row(back, name), facts, suspension, actions, confirm.box, status,
                origin,
                Ui.grow(grid), audit.box);
        root = new SplitPane(left, right);
        root.setDividerPositions(0.26);
        ctx.session().addListener((o, a, s) -> searchUsers());
    }

    /** A titled table of related users; double-click opens one. */
    final class RelationTable {
        final VBox box;
        final TableView<Relation> table = new TableView<>();
        final Label heading;

        RelationTable(String title, String dateColumn) {
            heading = Ui.heading(title);
            table.setPlaceholder(new Label("none"));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.getColumns().add(column("Username", Relation::username));
            table.getColumns().add(column("Name", Relation::fullName));
            table.getColumns().add(column(dateColumn, r -> r.at() == null ? "—" : DATE.format(r.at())));
            table.setRowFactory(tv -> {
                TableRow<Relation> row = new TableRow<>();
                row.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !row.isEmpty()) {
                        openFromTable(row.getItem());
                    }
                });
                return row;
            });
            table.setPrefHeight(150);
            box = new VBox(6, heading, Ui.grow(table));
            box.getStyleClass().add("card");
            box.setId("relations-" + title.toLowerCase().replace(' ', '-'));
        }

        void show(String title, List<Relation> items) {
            heading.setText(title + " (" + items.size() + ")");
            table.setItems(FXCollections.observableArrayList(items));
        }

        private TableColumn<Relation, String> column(String title, Function<Relation, String> value) {
            TableColumn<Relation, String> c = new TableColumn<>(title);
            c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
            return c;
        }
    }

    private void openFromTable(Relation r) {
        if (r.user() == null) {
            status.warn("user " + r.userId() + " no longer exists");
            return;
        }
        if (shownId != null) {
            trail.push(shownId);
        }
        open(r.userId());
    }

    private void back() {
        if (!trail.isEmpty()) {
            open(trail.pop());
        }
    }

    void searchUsers() {
        String q = search.getText();
        long mine = generation.incrementAndGet();
        ctx.background().run(() -> {
            ModerationSource source = source();
            List<UserRef> found = source.search(q);
            return new Found(source.origin(), found, source.suspendedAmong(found));
        }, found -> {
            if (mine == generation.get()) {
                suspendedIds = found.suspended();
                users.getItems().setAll(found.users());
                users.refresh();
                origin.setText(found.origin() + "; actions go through /admin. Double-click anyone to open them.");
                status.clear();
            }
        }, e -> status.error("cannot list users: " + Json.describe(e)));
    }

    /** Shows one user's relations (read in the background). */
    public void open(String userId) {
        status.busy("reading " + userId + "…");
        ctx.background().run(() -> source().detail(userId), this::show,
                e -> status.error(Json.describe(e)));
    }

    /** Background threads: the database when the console can read it, else the server's /admin namespace. */
    private ModerationSource source() throws Exception {
        return ctx.hasDatabase() ? new ModerationService(ctx.directory()) : new AdminModeration(ctx.admin());
    }

    private record Found(String origin, List<UserRef> users, Set<String> suspended) {
    }

    private void show(UserDetail d) {
        shownId = d.user().id();
        shownName = d.user().username();
        actions.setDisable(false);
        showSuspension(shownId);
        back.setDisable(trail.isEmpty());
        status.clear();
        name.setText(d.user().fullName() + "  ·  @" + d.user().username());
        facts.setText("id " + d.user().id() + "   ·   " + nullToDash(d.user().email()) + "   ·   phone "
                + nullToDash(d.phone()) + "   ·   " + (d.isPublic() ? "public" : "private") + " account"
                + "\nregistered " + when(d.registeredAt()) + "   ·   last seen " + when(d.lastSeen())
                + (d.biography() == null || d.biography().isBlank() ? "" : "\n“" + d.biography() + "”"));
        blocks.show("Blocks", d.blocks());
        blockedBy.show("Blocked by", d.blockedBy());
        requestsIn.show("Follow requests in", d.requestsIn());
        requestsOut.show("Follow requests out", d.requestsOut());
        followers.show("Followers", d.followers());
        following.show("Following", d.following());
    }

    private String target() {
        return "@" + shownName + " (" + shownId + ")";
    }

    private void askSuspend() {
        String userId = shownId;
        confirm.ask("Suspend " + target() + "? Every socket is disconnected and new ones refused.", true,
                (reason, until) -> act("suspended " + target(), "admin/user/suspend", userId, reason, until));
    }

    private void askLift() {
        String userId = shownId;
        confirm.ask("Lift the suspension of " + target() + "?", false,
                (reason, until) -> act("lifted the suspension of " + target(), "admin/user/suspension/lift", userId,
                        reason));
    }

    private void askRevoke() {
        String userId = shownId;
        confirm.ask("Revoke every token of " + target() + "? All of their sockets are disconnected.", false,
                (reason, until) -> act("revoked the tokens of " + target(), "admin/user/tokens/revoke", userId, reason));
    }

    private void askRemove() {
        String kind = contentKind.getValue();
        String id = contentId.getText().trim();
        if (id.isEmpty()) {
            status.warn("type the id of the " + kind + " to remove");
            contentId.requestFocus();
            return;
        }
        String event = switch (kind) {
            case "comment" -> "admin/tweet/comment/remove";
            case "story" -> "admin/story/remove";
            default -> "admin/tweet/remove";
        };
        confirm.ask("Remove " + kind + " " + id + " of " + target() + "? Its owner is told why.", false,
                (reason, until) -> act("removed " + kind + " " + id, event, id, reason));
    }

    /** Calls the action through /admin in the background, then shows the user and the audit log again. */
    private void act(String done, String event, Object... args) {
        status.busy(event + "…");
        String userId = shownId;
        ctx.background().run(() -> ctx.admin().call(event, args), reply -> {
            status.ok(done);
            open(userId);
            searchUsers();
            audit.refresh();
        }, e -> status.error(Json.describe(e)));
    }

    /** The suspension in force, read through /admin (the database view does not know it). */
    private void showSuspension(String userId) {
        ctx.background().run(() -> ctx.admin().call("admin/user/get", userId).path("user").path("suspension"),
                s -> {
                    if (!userId.equals(shownId)) {
                        return;
                    }
                    suspension.setText(s.isObject() ? "SUSPENDED: " + s.path("reason").asText() + " until "
                            + (s.path("until").isNull() ? "lifted" : s.path("until").asText()) : "");
                }, e -> suspension.setText("suspension unknown: " + Json.describe(e)));
    }

    private static String when(Instant at) {
        return at == null ? "—" : DATE.format(at);
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    public String shownId() {
        return shownId;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void shown() {
        if (users.getItems().isEmpty()) {
            searchUsers();
        }
        audit.refresh();
    }
}
