package dev.switchboard.server.admin.listener.socket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.SocketInfo;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.listener.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Disconnects a socket of the main namespace, on whichever node it is. */
public final class DisconnectSocket extends AdminListener {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectSocket.class);

    public DisconnectSocket(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        requireAdmin(call);
        String socketId = call.args().text("socketId");
        SocketInfo target = mainSocket(socketId);
        // each socket is alone in the room named after its id, so this reaches it on any node
        app.main().to(socketId).disconnectSockets(false);
        LOG.info("Admin disconnect: Socket-id: {} User-id: {} on {} by admin User-id: {}", socketId,
                target.data().getOrDefault(SocketUser.USER_ID, "-"), target.node(), call.me().toHexString());
        return Reply.ok();
    }
}
