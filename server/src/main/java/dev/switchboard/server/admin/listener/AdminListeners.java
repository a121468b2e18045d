package dev.switchboard.server.admin.listener;

import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.socket.DisconnectSocket;
import dev.switchboard.server.admin.listener.sockets.GetSockets;
import dev.switchboard.server.admin.listener.stats.GetStats;
import dev.switchboard.server.admin.listener.user.GetUser;
import dev.switchboard.server.admin.listener.user.blocks.GetUserBlocks;
import dev.switchboard.server.admin.listener.user.followRequests.GetUserFollowRequests;
import dev.switchboard.server.admin.listener.users.FindUsers;
import dev.switchboard.server.listener.Listener;
import java.util.List;

/** Every listener of {@code /admin}; the dispatcher refuses to start when this list and the catalog differ. */
public final class AdminListeners {

    private AdminListeners() {
    }

    public static List<Listener> all(AdminContext admin) {
        return List.of(
                new FindUsers(admin),
                new GetUser(admin),
                new GetUserBlocks(admin),
                new GetUserFollowRequests(admin),
                new GetSockets(admin),
                new DisconnectSocket(admin),
                new GetStats(admin));
    }
}
