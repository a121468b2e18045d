package dev.switchboard.server.cluster;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.switchboard.engine.Namespace;
import dev.switchboard.redis.ClusterRequests;
import dev.switchboard.redis.RedisBackplane;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.store.UserStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@code followed-*} rooms of this node's sockets agree with the follow graph in the database.
 * Follows and unfollows made on another node reach this node's sockets as join/leave requests over Redis;
 * while Redis is away those requests are lost, so when Redis is back every node re-derives its sockets'
 * rooms from the database, which holds every change whichever node made it. Requests coalesce: however
 * many arrive while a repair waits, one runs.
 */
public final class RoomRepair implements AutoCloseable {

    /** A second pass this long after the first catches changes published before this node resubscribed. */
    public static final Duration SECOND_PASS = Duration.ofSeconds(2);

    private static final String REQUEST = "rooms/repair";
    private static final Logger LOG = LoggerFactory.getLogger(RoomRepair.class);

    private final Namespace main;
    private final UserStore users;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "room-repair");
        t.setDaemon(true);
        return t;
    });

    public RoomRepair(Namespace main, UserStore users) {
        this.main = main;
        this.users = users;
    }

    /**
     * Repairs this node's sockets whenever this node regains Redis, and asks every other node to repair
     * theirs too: a node that never lost Redis still missed what this one published meanwhile.
     */
    public static RoomRepair onReconnect(RedisBackplane redis, ClusterRequests nodes, Namespace main, UserStore users) {
        RoomRepair repair = new RoomRepair(main, users);
        nodes.answer(REQUEST, payload -> {
            repair.afterReconnect();
            return BooleanNode.TRUE;
        });
        redis.onReconnect(() -> nodes.ask(REQUEST, NullNode.getInstance()));
        return repair;
    }

    /** Repairs now (off the caller's thread) and once more after {@link #SECOND_PASS}. */
    public void afterReconnect() {
        request();
        worker.schedule(this::request, SECOND_PASS.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues one repair unless one is already waiting to run. */
    public void request() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    run();
                } catch (RuntimeException e) {
                    LOG.error("Room repair failed: {}; rooms are repaired again when Redis next comes back", e.toString(), e);
                }
            });
        }
    }

    /** Re-derives the rooms of every socket on this node; returns how many sockets had to change. */
    public int run() {
        Map<ObjectId, List<Socket>> byUser = new HashMap<>();
        for (Socket socket : main.sockets()) {
            ObjectId userId = SocketUser.id(socket);
            if (userId != null) {
                byUser.computeIfAbsent(userId, k -> new ArrayList<>()).add(socket);
            }
        }
        int repaired = 0;
        for (Map.Entry<ObjectId, List<Socket>> entry : byUser.entrySet()) {
            Optional<Document> user = users.findById(entry.getKey(), UserStore.FOLLOWING);
            if (user.isEmpty()) {
                continue;
            }
            Set<String> wanted = Rooms.of(entry.getKey(), UserStore.followingIds(user.get()));
            for (Socket socket : entry.getValue()) {
                if (repair(socket, wanted)) {
                    repaired++;
                }
            }
        }
        LOG.info("Room repair: {} sockets of {} users checked against the follow graph, {} repaired", byUser.values()
                .stream().mapToInt(List::size).sum(), byUser.size(), repaired);
        return repaired;
    }

    private static boolean repair(Socket socket, Set<String> wanted) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(socket.rooms());
        Set<String> extra = new TreeSet<>();
        for (String room : socket.rooms()) {
            if (Rooms.isFollowed(room) && !wanted.contains(room)) {
                extra.add(room);
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return false;
        }
        if (!missing.isEmpty()) {
            socket.join(missing.toArray(String[]::new));
        }
        extra.forEach(socket::leave);
        LOG.info("Room repair: Socket-id: {} User-id: {} joined {} left {}", socket.id(), SocketUser.logId(socket),
                missing, extra);
        return true;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
