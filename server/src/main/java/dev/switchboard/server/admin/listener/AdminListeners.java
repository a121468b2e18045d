package dev.switchboard.server.admin.listener;

import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.audit.GetAudit;
import dev.switchboard.server.admin.listener.socket.DisconnectSocket;
import dev.switchboard.server.admin.listener.story.RemoveStory;
import dev.switchboard.server.admin.listener.tweet.RemoveTweet;
import dev.switchboard.server.admin.listener.tweet.comment.RemoveComment;
import dev.switchboard.server.admin.listener.user.SuspendUser;
import dev.switchboard.server.admin.listener.user.suspension.LiftSuspension;
import dev.switchboard.server.admin.listener.user.tokens.RevokeTokens;
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
                .on("admin/stats/get", GetStats::new)
                .on("admin/user/suspend", SuspendUser::new)
                .on("admin/user/suspension/lift", LiftSuspension::new)
                .on("admin/user/tokens/revoke", RevokeTokens::new)
                .on("admin/tweet/remove", RemoveTweet::new)
                .on("admin/tweet/comment/remove", RemoveComment::new)
                .on("admin/story/remove", RemoveStory::new)
                .on("admin/audit/get", GetAudit::new);
    }
}
