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
import dev.switchboard.server.db.SyncPoints;
import dev.switchboard.server.security.EventRate;
import dev.switchboard.server.security.QueueBudget;
import java.time.Clock;
import java.util.Date;
import java.util.Map;

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
    private final QueueBudget queueBudget;
    private final FailureLog failures = new FailureLog();
    private SyncPoints syncPoints = SyncPoints.NONE;

    /** With the default event rate ({@link ServerConfig.Limits#DEFAULT}). */
    public Dispatcher(Routes<?> routes, ArgParser parser, Clock clock, CallObserver observer) {
        this(routes, parser, clock, observer, new EventRate(
                ServerConfig.Limits.DEFAULT.eventsPerSecond(), ServerConfig.Limits.DEFAULT.eventBurst()));
    }

    /** With the default queue budget ({@link ServerConfig#DEFAULT_QUEUE_BUDGET}). */
    public Dispatcher(Routes<?> routes, ArgParser parser, Clock clock, CallObserver observer, EventRate rate) {
        this(routes, parser, clock, observer, rate, new QueueBudget(ServerConfig.DEFAULT_QUEUE_BUDGET));
    }

    /** @throws IllegalStateException when a listener of the namespace's catalog is not wired */
    public Dispatcher(Routes<?> routes, ArgParser parser, Clock clock, CallObserver observer, EventRate rate,
                      QueueBudget queueBudget) {
        this.listeners = routes.listeners();
        this.parser = parser;
        this.clock = clock;
        this.observer = observer;
        this.rate = rate;
        this.queueBudget = queueBudget;
    }

    /** Every reply waits at {@code syncPoints} first, so what it reports is durable; set before {@link #register}. */
    public Dispatcher syncingAt(SyncPoints syncPoints) {
        this.syncPoints = syncPoints;
        return this;
    }

    public void register(Namespace namespace) {
        listeners.forEach((name, listener) -> {
            EventSpec spec = EventCatalog.require(name);
            namespace.on(name, (socket, event) -> dispatch(listener, spec, socket, event));
        });
        namespace.onUnhandledEvent(this::unknown);
        namespace.gate(this::admit);
    }

    /**
     * As an event arrives (on its connection's I/O thread): answers {@code unavailable} at once, without queueing
     * it, while the server is over capacity and enough events already wait ({@link QueueBudget#refuseOnArrival}).
     */
    private boolean admit(Socket socket, Event event, int waiting) {
        long now = System.nanoTime();
        if (!listeners.containsKey(event.name()) || !queueBudget.refuseOnArrival(waiting, now)) {
            return true;
        }
        refuseOverCapacity(event.name(), socket, event, now);
        return false;
    }

    private void dispatch(Listener listener, EventSpec spec, Socket socket, Event event) {
        long started = System.nanoTime();
        if (shed(spec.name(), socket, event, started) || rateLimited(spec.name(), socket, event, started)) {
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
        try {
            syncPoints.beforeAnswer();
        } catch (RuntimeException e) {
            failures.failed(socket, spec.name(), spec.name(), "database: " + e.getMessage(), e);
            reply = Reply.error(ReplyStatus.INTERNAL, "the database could not make the changes of " + spec.name()
                    + " durable; try again later");
        }
        event.ack().send(reply);
        observer.called(socket, spec.name(), event.args(), Reply.statusOf(reply).orElse(ReplyStatus.INTERNAL),
                System.nanoTime() - started);
    }

    /**
     * Answers {@code unavailable} without running the listener when events keep waiting for a worker longer than
     * the queue budget (the server is over capacity, {@link QueueBudget}). Not logged per event: under overload that would be
     * thousands of lines a second; the admin stats count them by status.
     */
    private boolean shed(String name, Socket socket, Event event, long started) {
        if (!queueBudget.shed(event.waited(), started)) {
            return false;
        }
        refuseOverCapacity(name, socket, event, started);
        return true;
    }

    private void refuseOverCapacity(String name, Socket socket, Event event, long started) {
        ObjectNode reply = Reply.error(ReplyStatus.UNAVAILABLE, "the server is over capacity and did not run "
                + name + "; try again in " + queueBudget.retryAfterMillis() + " ms");
        reply.put(Reply.RETRY_AFTER_MS, queueBudget.retryAfterMillis());
        event.ack().send(reply);
        observer.called(socket, name, event.args(), ReplyStatus.UNAVAILABLE, System.nanoTime() - started);
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
        failures.failed(socket, event.name(), UNKNOWN_EVENT, "no listener for " + event.name(), null);
        event.ack().send(Reply.error(ReplyStatus.NOT_FOUND, "no listener for " + shownName));
        observer.called(socket, shownName, event.args(), ReplyStatus.NOT_FOUND, System.nanoTime() - started);
    }
}
