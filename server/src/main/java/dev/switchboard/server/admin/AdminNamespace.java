package dev.switchboard.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.Socket;
import dev.switchboard.engine.SocketIoServer;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.redis.ClusterRequests;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.admin.listener.AdminListeners;
import dev.switchboard.server.admin.listener.stats.GetStats;
import dev.switchboard.server.admin.stats.EventStats;
import dev.switchboard.server.admin.stream.AdminStream;
import dev.switchboard.server.admin.stream.ClusterStream;
import dev.switchboard.server.admin.stream.ServerObserver;
import dev.switchboard.server.listener.CallObserver;
import dev.switchboard.server.listener.Dispatcher;
import dev.switchboard.server.middleware.Authentication;
import dev.switchboard.server.middleware.Middlewares;
import dev.switchboard.server.middleware.Suspended;
import dev.switchboard.server.moderation.AuditLog;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /admin} namespace: the authentication of the main namespace plus {@link AdminRole}, the
 * admin listeners through the application's dispatcher, and the live stream of what happens on
 * {@code /}. The main namespace is only observed from the first admin connection on, so a server that
 * no admin ever watched does no monitoring work beyond the per-event counters.
 */
public final class AdminNamespace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminNamespace.class);

    private final Namespace main;
    private final AdminStream stream;
    private final ServerObserver observer;
    private final AtomicBoolean observing = new AtomicBoolean();
    /** Null on a single node. */
    private ClusterStream cluster;

    private AdminNamespace(Namespace main, AdminStream stream, ServerObserver observer) {
        this.main = main;
        this.stream = stream;
        this.observer = observer;
    }

    public static AdminNamespace install(SocketIoServer engine, AppContext app, ClusterRequests nodes) {
        EventStats stats = new EventStats();
        AdminStream stream = new AdminStream();
        AdminNamespace admin = new AdminNamespace(app.main(), stream, new ServerObserver(stats, stream, app.clock(),
                app.config().nodeName()));
        if (nodes.spansNodes()) {
            admin.cluster = new ClusterStream(nodes, stream, admin::observeMain);
        }
        Namespace namespace = engine.namespace(EventCatalog.ADMIN);
        namespace.use(new Middlewares(List.of(Authentication.of(app), new Suspended(app.stores().suspensions(),
                app.clock()), new AdminRole())));
        namespace.onConnection(admin::subscribe);
        AdminContext context = new AdminContext(app, stats, app.clock().instant(), nodes,
                new AuditLog(app.stores().audit(), namespace, app.config().nodeName()));
        GetStats.answerForThisNode(context);
        new Dispatcher(AdminListeners.all(context), app.argParser(), app.clock(), CallObserver.NONE)
                .syncingAt(app.syncPoints())
                .register(namespace);
        return admin;
    }

    /** For the main namespace's dispatcher: counts every call and streams it to the admins. */
    public CallObserver callObserver() {
        return observer;
    }

    public AdminStream stream() {
        return stream;
    }

    /** Admins watch the live traffic; moderators get only the audit pushes, which go to every /admin socket. */
    private void subscribe(Socket adminSocket) {
        if (!AdminRole.isAdmin(adminSocket)) {
            return;
        }
        observeMain();
        stream.subscribe(adminSocket.id(), new AdminStream.Sink() {
            @Override
            public void deliver(String event, ObjectNode payload) {
                adminSocket.emit(event, payload);
            }

            @Override
            public void overflowed(long droppedPushes) {
                LOG.warn("Admin stream: Socket-id: {} could not keep up ({} pushes dropped); disconnected",
                        adminSocket.id(), droppedPushes);
                adminSocket.disconnect(false);
            }
        });
        adminSocket.onDisconnect((s, reason) -> stream.unsubscribe(s.id()));
        if (cluster != null) {
            cluster.adminSubscribed();
        }
    }

    /** Stops telling other nodes about this node's admins. */
    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private void observeMain() {
        if (observing.compareAndSet(false, true)) {
            main.observe(observer);
        }
    }
}
