package dev.switchboard.server.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.reply.Reply;
import org.junit.jupiter.api.Test;

/** The wiring of listeners refuses names outside the catalog, a name wired twice, and a catalog event left unwired. */
class RoutesTest {

    private static final Listener OK = call -> Reply.ok();

    private static Routes<Void> everyCatalogListenerBut(String namespace, String left) {
        Routes<Void> routes = new Routes<>(namespace, null);
        for (EventSpec spec : EventCatalog.listeners(namespace)) {
            if (!spec.name().equals(left)) {
                routes.on(spec.name(), ignored -> OK);
            }
        }
        return routes;
    }

    @Test
    void aCompleteWiringListsEveryCatalogListenerOnce() {
        assertThat(everyCatalogListenerBut(EventCatalog.MAIN, null).listeners().keySet())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.listeners(EventCatalog.MAIN).stream()
                        .map(EventSpec::name).toList());
    }

    @Test
    void aMissingListenerIsNamed() {
        Routes<Void> routes = everyCatalogListenerBut(EventCatalog.MAIN, "tweet/like/toggle");
        assertThatThrownBy(routes::listeners).hasMessageContaining("without a class: tweet/like/toggle");
    }

    @Test
    void anEventOutsideTheNamespacesCatalogIsNamed() {
        Routes<Void> main = new Routes<>(EventCatalog.MAIN, null);
        assertThatThrownBy(() -> main.on("tweet/fly", ignored -> OK)).hasMessageContaining("tweet/fly");
        assertThatThrownBy(() -> main.on("admin/stats/get", ignored -> OK))
                .hasMessageContaining("admin/stats/get is not a listener of namespace /");
        Routes<Void> admin = new Routes<>(EventCatalog.ADMIN, null);
        assertThatThrownBy(() -> admin.on("tweet/add", ignored -> OK))
                .hasMessageContaining("tweet/add is not a listener of namespace /admin");
    }

    @Test
    void anEventWiredTwiceIsRefused() {
        Routes<Void> routes = new Routes<Void>(EventCatalog.MAIN, null).on("tweet/add", ignored -> OK);
        assertThatThrownBy(() -> routes.on("tweet/add", ignored -> OK)).hasMessageContaining("tweet/add is wired twice");
    }
}
