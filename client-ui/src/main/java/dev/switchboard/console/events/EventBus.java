package dev.switchboard.console.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * How views talk to each other without knowing each other: a view publishes a typed event record, and
 * whoever subscribed to that record type gets it, always on the FX thread.
 */
public final class EventBus {

    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();

    /** Calls {@code handler} with every later event of exactly that type; the returned action unsubscribes. */
    public <E extends ConsoleEvent> Runnable subscribe(Class<E> type, Consumer<? super E> handler) {
        Consumer<Object> typed = event -> handler.accept(type.cast(event));
        List<Consumer<Object>> list = subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
        list.add(typed);
        return () -> list.remove(typed);
    }

    /** Any thread: delivers the event to its type's subscribers on the FX thread, in subscription order. */
    public void publish(ConsoleEvent event) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> publish(event));
            return;
        }
        for (Consumer<Object> handler : subscribers.getOrDefault(event.getClass(), List.of())) {
            handler.accept(event);
        }
    }
}
