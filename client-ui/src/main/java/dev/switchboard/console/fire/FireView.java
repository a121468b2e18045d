package dev.switchboard.console.fire;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.protocol.catalog.EventSpec;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Fire any listener: the catalog on the left, the generated form, the exact arguments and the connection in
 * the middle, the reply with the history and the collection on the right. All state lives in {@link FireModel}.
 */
public final class FireView implements ConsoleView {

    private final FireModel model;
    private final CatalogPane catalog;
    private final RequestPane request;
    private final SplitPane root;

    public FireView(ConsoleContext ctx) {
        model = new FireModel(ctx.connections(), ctx.connectionList());
        catalog = new CatalogPane(model);
        request = new RequestPane(model, ctx.background(), ctx.choiceSource());

        TabPane tabs = new TabPane(new Tab("History", new HistoryPane(model)),
                new Tab("Collection", new CollectionPane(model, ctx.background())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane results = new SplitPane(new ReplyPane(model), tabs);
        results.setOrientation(Orientation.VERTICAL);
        results.setDividerPositions(0.55);
        results.setMinWidth(300);
        root = new SplitPane(catalog, request, results);
        root.setDividerPositions(0.2, 0.66);
        root.getStyleClass().add("page");
    }

    public FireModel model() {
        return model;
    }

    /** Shows the form of one event. */
    public void select(EventSpec spec) {
        model.select(spec);
    }

    /** Ctrl+Enter. */
    public void fire() {
        model.fire();
    }

    /** Fills an argument's field as if typed (tests, scripted screenshots). */
    public void setArgument(String name, String text) {
        request.setArgument(name, text);
    }

    Button fireButton() {
        return request.fireButton;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        catalog.focusSearch();
    }
}
