package dev.switchboard.server.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.AppContext;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListeners;
import dev.switchboard.server.db.SyncPoints;
import dev.switchboard.server.emit.Emits;
import dev.switchboard.server.harness.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every class that handles one event lives where its event names it: in the package of the event's
 * segments before the verb, with a name that starts with that verb ({@code tweet/like/toggle} is
 * {@code listener.tweet.like.ToggleLike}). Listeners of {@code /admin} sit under {@code admin.listener}
 * without the leading {@code admin/}; connect pushes under {@code emit}.
 */
class EventLayoutTest {

    private static final String ROOT = "dev.switchboard.server";

    @Test
    void everyListenerOfTheMainNamespaceLivesAtItsEventsPath() {
        AppContext nothing = new AppContext(null, null, null, null, null, null, null, null, null, null, null);
        assertThat(misplaced(ROOT + ".listener", "", Listeners.all(nothing).listeners())).isEmpty();
    }

    @Test
    void everyAdminListenerLivesAtItsEventsPath() {
        AdminContext nothing = new AdminContext(null, null, null, null, null);
        assertThat(misplaced(ROOT + ".admin.listener", "admin/", AdminListeners.all(nothing).listeners())).isEmpty();
    }

    @Test
    void everyConnectPushLivesAtItsEventsPath() {
        try (TestServer server = TestServer.start()) {
            Emits emits = Emits.create(null, server.stores(), null, SyncPoints.NONE);
            assertThat(misplaced(ROOT + ".emit", "", emits.onConnect())).isEmpty();
        }
    }

    @Test
    void theRuleSeesAMisplacedClass() {
        assertThat(misplaced(ROOT + ".listener", "", Map.of("user/profile/get", new Misplaced())))
                .containsExactly("user/profile/get: " + Misplaced.class.getName()
                        + " should be named after a verb of its event and live in " + ROOT + ".listener.user.profile");
    }

    /** A listener in the wrong place, named after no verb of its event. */
    private static final class Misplaced implements Listener {
        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode handle(Call call) {
            return null;
        }
    }

    private static List<String> misplaced(String root, String prefix, Map<String, ?> byEvent) {
        List<String> problems = new ArrayList<>();
        byEvent.forEach((event, handler) -> {
            Class<?> type = handler.getClass();
            List<String> segments = Arrays.asList(event.substring(prefix.length()).split("/"));
            int verb = segments.indexOf(firstWord(type.getSimpleName()));
            String expected = root + (verb <= 0 ? "" : "." + String.join(".", segments.subList(0, verb)));
            if (verb < 0 || !type.getPackageName().equals(expected)) {
                problems.add(event + ": " + type.getName() + " should be named after a verb of its event and live in "
                        + (verb < 0 ? root + "." + String.join(".", segments.subList(0, segments.size() - 1))
                                : expected));
            }
        });
        return problems;
    }

    /** {@code ToggleLike} → {@code toggle}. */
    private static String firstWord(String className) {
        int end = 1;
        while (end < className.length() && !Character.isUpperCase(className.charAt(end))) {
            end++;
        }
        return className.substring(0, end).toLowerCase();
    }
}
