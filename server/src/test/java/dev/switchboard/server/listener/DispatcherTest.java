package dev.switchboard.server.listener;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.args.ArgParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatcher refuses to start when the listener classes and the catalog disagree. */
class DispatcherTest {

    record Named(String event) implements Listener {
        @Override
        public ObjectNode handle(Call call) {
            return Reply.ok();
        }
    }

    static List<Listener> everyCatalogListener() {
        List<Listener> all = new ArrayList<>();
        dev.switchboard.protocol.catalog.EventCatalog.listeners().forEach(s -> all.add(new Named(s.name())));
        return all;
    }

    @Test
    void aMissingClassIsNamed() {
        List<Listener> list = everyCatalogListener();
        list.removeIf(l -> l.event().equals("tweet/like/toggle"));
        assertThatThrownBy(() -> new Dispatcher(list, new ArgParser(10), Clock.systemUTC()))
                .hasMessageContaining("without a class: tweet/like/toggle");
    }

    @Test
    void aClassForAnEventOutsideTheCatalogIsNamed() {
        List<Listener> list = everyCatalogListener();
        list.add(new Named("tweet/fly"));
        assertThatThrownBy(() -> new Dispatcher(list, new ArgParser(10), Clock.systemUTC()))
                .hasMessageContaining("tweet/fly");
        List<Listener> admin = everyCatalogListener();
        admin.add(new Named("admin/stats/get"));
        assertThatThrownBy(() -> new Dispatcher(admin, new ArgParser(10), Clock.systemUTC()))
                .hasMessageContaining("admin/stats/get");
    }

    @Test
    void twoClassesForOneEventAreRefused() {
        List<Listener> list = everyCatalogListener();
        list.add(new Named("tweet/add"));
        assertThatThrownBy(() -> new Dispatcher(list, new ArgParser(10), Clock.systemUTC()))
                .hasMessageContaining("two classes handle tweet/add");
    }
}
