package dev.switchboard.console;

import dev.switchboard.console.accounts.AccountsView;
import dev.switchboard.console.connections.ConnectionsView;
import dev.switchboard.console.fire.FireView;
import dev.switchboard.console.fixtures.FixturesView;
import dev.switchboard.console.moderation.ModerationView;
import dev.switchboard.console.scenarios.ScenariosView;
import dev.switchboard.console.serverview.ServerView;
import dev.switchboard.console.settings.SettingsView;
import dev.switchboard.console.timeline.TimelineView;
import dev.switchboard.console.tokens.TokensView;
import java.util.List;
import javafx.scene.input.KeyCode;

/** Every view of the console, in side bar order. Adding a view is one line here. */
public final class ViewRegistry {

    public static final List<ViewSpec> VIEWS = List.of(
            new ViewSpec("Tokens", KeyCode.DIGIT1, TokensView::new),
            new ViewSpec("Connections", KeyCode.DIGIT2, ConnectionsView::new),
            new ViewSpec("Fire", KeyCode.DIGIT3, FireView::new),
            new ViewSpec("Timeline", KeyCode.DIGIT4, TimelineView::new),
            new ViewSpec("Fixtures", KeyCode.DIGIT5, FixturesView::new),
            new ViewSpec("Moderation", KeyCode.DIGIT6, ModerationView::new),
            new ViewSpec("Settings", KeyCode.DIGIT7, SettingsView::new),
            new ViewSpec("Server", KeyCode.DIGIT8, ServerView::new),
            new ViewSpec("Scenarios", KeyCode.DIGIT9, ScenariosView::new),
            new ViewSpec("Accounts", KeyCode.DIGIT0, AccountsView::new));

    private ViewRegistry() {
    }
}
