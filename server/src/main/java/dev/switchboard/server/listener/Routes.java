package dev.switchboard.server.listener;

import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The listeners of one namespace, each wired beside its event name, e.g.
 * {@code routes.on("tweet/like/toggle", ToggleLike::new)}. A name that is not a listener of the
 * namespace in the event catalog, or one wired twice, fails at once; {@link #listeners()} fails while a
 * listener of the catalog has no class.
 *
 * @param <C> what the listeners of this namespace are built from
 */
public final class Routes<C> {

    private final String namespace;
    private final C context;
    private final Map<String, Listener> listeners = new LinkedHashMap<>();

    public Routes(String namespace, C context) {
        this.namespace = namespace;
        this.context = context;
    }

    /** @throws IllegalStateException when {@code event} is outside this namespace's catalog or already wired */
    public Routes<C> on(String event, Function<? super C, ? extends Listener> listener) {
        if (EventCatalog.listener(event).filter(s -> s.namespace().equals(namespace)).isEmpty()) {
            throw new IllegalStateException(event + " is not a listener of namespace " + namespace
                    + " in the event catalog");
        }
        if (listeners.containsKey(event)) {
            throw new IllegalStateException(event + " is wired twice");
        }
        listeners.put(event, listener.apply(context));
        return this;
    }

    public String namespace() {
        return namespace;
    }

    /**
     * Every listener by its event name, in wiring order.
     *
     * @throws IllegalStateException naming the catalog's listeners of this namespace that are not wired
     */
    public Map<String, Listener> listeners() {
        TreeSet<String> missing = new TreeSet<>();
        for (EventSpec spec : EventCatalog.listeners(namespace)) {
            if (!listeners.containsKey(spec.name())) {
                missing.add(spec.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("listeners of the event catalog without a class: "
                    + String.join(", ", missing));
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(listeners));
    }
}
