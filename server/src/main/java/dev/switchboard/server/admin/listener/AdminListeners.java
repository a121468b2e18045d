package dev.switchboard.server.admin.listener;

import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.socket.DisconnectSocket;
import dev.switchboard.server.admin.listener.sockets.GetSockets;
import dev.switchboard.server.admin.listener.stats.GetStats;
import dev.switchboard.server.admin.listener.user.GetUser;
import dev.switchboard.server.admin.listener.user.blocks.GetUserBlocks;
import dev.switchboard.server.admin.listener.user.followRequests.GetUserFollowRequests;
import dev.switchboard.server.admin.listener.users.FindUsers;
import dev.switchboard.server.listener.Routes;

/**
 * Every listener of {@code /admin}, beside its event name; laid out like the main namespace's, under
 * {@code admin/listener} without the leading {@code admin/}: {@code admin/user/blocks/get} is
 * {@code admin/listener/user/blocks/GetUserBlocks}. The server refuses to start while this list and the
 * catalog differ.
 */
public final class AdminListeners {

    private AdminListeners() {
    }

    public static Routes<AdminContext> all(AdminContext admin) {
        return new Routes<>(EventCatalog.ADMIN, admin)
                .on("admin/users/find", FindUsers::new)
                .on("admin/user/get", GetUser::new)
                .on("admin/user/blocks/get", GetUserBlocks::new)
                .on("admin/user/followRequests/get", GetUserFollowRequests::new)
                .on("admin/sockets/get", GetSockets::new)
                .on("admin/socket/disconnect", DisconnectSocket::new)
                .on("admin/stats/get", GetStats::new);
    }
}
