package dev.switchboard.server.listener;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;
import dev.switchboard.engine.ClientText;
import dev.switchboard.engine.Event;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.Socket;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.protocol.reply.ReplyStatus;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.args.ArgParser;
import dev.switchboard.server.args.Args;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.security.EventRate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Routes every listener of the catalog to its class: parses the arguments, runs the listener,
 * replies exactly once through the ack, and logs every failure as
 * {@code Listener error: <event> User-id: … Socket-id: … Error: …}.
 */
public final class Dispatcher {

    /** The kind under which unknown events are folded in the log, whatever name each one had. */
    private static final String UNKNOWN_EVENT = "unknown event";

    private final Map<String, Listener> listeners;
    private final ArgParser parser;
    private final Clock clock;
    private final CallObserver observer;
    private final EventRate rate;
    private final FailureLog failures = new FailureLog();

    /** @throws IllegalStateException when the classes and the catalog's listeners of {@code /} differ */
    public Dispatcher(List<Listener> listeners, ArgParser parser, Clock clock) {
        this(EventCatalog.MAIN, listeners, parser, clock, CallObserver.NONE);
    }

    /** With the default event rate ({@link ServerConfig.Limits#DEFAULT}). */
    public Dispatcher(String namespace, List<Listener> listeners, ArgParser parser, Clock clock,
                      CallObserver observer) {
        this(namespace, listeners, parser, clock, observer, new EventRate(
                ServerConfig.Limits.DEFAULT.eventsPerSecond(), ServerConfig.Limits.DEFAULT.eventBurst()));
    }

    /** @throws IllegalStateException when the classes and the catalog's listeners of {@code namespace} differ */
    public Dispatcher(String namespace, List<Listener> listeners, ArgParser parser, Clock clock,
                      CallObserver observer, EventRate rate) {
        this.listeners = byName(namespace, listeners);
        this.parser = parser;
        this.clock = clock;
        this.observer = observer;
        this.rate = rate;
    }

    private static Map<String, Listener> byName(String namespace, List<Listener> list) {
        Map<String, Listener> map = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Listener l : list) {
            if (map.putIfAbsent(l.event(), l) != null) {
                problems.add("two classes handle " + l.event());
            }
            if (EventCatalog.listener(l.event()).filter(s -> s.namespace().equals(namespace)).isEmpty()) {
                problems.add(l.getClass().getName() + " handles " + l.event() + ", which is not a listener of "
                        + "namespace " + namespace + " in the event catalog");
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        for (EventSpec spec : EventCatalog.listeners(namespace)) {
            if (!map.containsKey(spec.name())) {
                missing.add(spec.name());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("catalog listeners without a class: " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("listeners do not match the event catalog: " + String.join("; ", problems));
        }
        return map;
    }

    public void register(Namespace namespace) {
        for (Listener l : listeners.values()) {
            EventSpec spec = EventCatalog.require(l.event());
            namespace.on(l.event(), (socket, event) -> dispatch(l, spec, socket, event));
        }
        namespace.onUnhandledEvent(this::unknown);
    }

    private void dispatch(Listener listener, EventSpec spec, Socket socket, Event event) {
        long started = System.nanoTime();
        if (rateLimited(spec.name(), socket, event, started)) {
            return;
        }
        ObjectNode reply;
        try {
            Args args = parser.parse(spec, event.args());
            reply = listener.handle(new Call(spec.name(), socket, SocketUser.id(socket), args,
                    new Date(clock.millis())));
            if (reply == null) {
                throw new IllegalStateException(listener.getClass().getSimpleName() + " returned no reply");
            }
        } catch (ReplyException e) {
            failures.failed(socket, spec.name(), spec.name() + " " + e.status().code(),
                    e.status().code() + ": " + e.getMessage(), null);
            reply = Reply.error(e);
        } catch (MongoException e) {
            failures.failed(socket, spec.name(), spec.name(), "database: " + e.getMessage(), e);
            reply = Reply.error(ReplyStatus.INTERNAL, "the database failed while handling " + spec.name() + " ("
                    + e.getClass().getSimpleName() + "); try again later");
        } catch (RuntimeException e) {
            failures.failed(socket, spec.name(), spec.name(), e.toString(), e);
            reply = Reply.error(ReplyStatus.INTERNAL, "the server failed while handling " + spec.name()
                    + "; the error is in its log");
        }
        event.ack().send(reply);
        observer.called(socket, spec.name(), event.args(), Reply.statusOf(reply).orElse(ReplyStatus.INTERNAL),
                System.nanoTime() - started);
    }

    /** Answers {@code rate_limited} when the socket is over its rate; logs the first refusal of a run. */
    private boolean rateLimited(String name, Socket socket, Event event, long started) {
        EventRate.Refusal refusal = rate.take(socket);
        if (refusal == null) {
            return false;
        }
        String message = rate.describe(refusal);
        if (refusal.firstOfRun()) {
            failures.failed(socket, name, ReplyStatus.RATE_LIMITED.code(), ReplyStatus.RATE_LIMITED.code() + ": " + message,
                    null);
        }
        event.ack().send(Reply.error(ReplyStatus.RATE_LIMITED, message));
        observer.called(socket, name, event.args(), ReplyStatus.RATE_LIMITED, System.nanoTime() - started);
        return true;
    }

    private void unknown(Socket socket, Event event) {
        long started = System.nanoTime();
        String shownName = ClientText.of(event.name()); // the client chose it: never echoed or passed on whole
        if (rateLimited(shownName, socket, event, started)) {
            return;
        }
        failures.failed(socket, event.name(), UNKNOWN_EVENT, "not_found: no listener for this event", null);
        event.ack().send(Reply.error(ReplyStatus.NOT_FOUND, "no listener for " + shownName));
        observer.called(socket, shownName, event.args(), ReplyStatus.NOT_FOUND, System.nanoTime() - started);
    }
}
