package dev.switchboard.server.admin.listener.sockets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.SocketInfo;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import java.util.Comparator;

/** Every socket of the main namespace, on every node, oldest connection first. */
public final class GetSockets extends AdminListener {

    public GetSockets(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        requireAdmin(call);
        ArrayNode sockets = JsonOut.array();
        mainSockets().stream()
                .sorted(Comparator.comparing((SocketInfo s) -> s.handshake().issued()).thenComparing(SocketInfo::id))
                .forEach(s -> sockets.add(describe(s)));
        ObjectNode reply = Reply.ok();
        reply.set("sockets", sockets);
        return reply;
    }

    private static ObjectNode describe(SocketInfo s) {
        ObjectNode out = JsonOut.object();
        out.put("socketId", s.id());
        out.set("userId", JsonOut.of(s.data().get(SocketUser.USER_ID)));
        out.set("username", JsonOut.of(s.data().get(SocketUser.USERNAME)));
        ArrayNode rooms = out.putArray("rooms");
        // every socket sits in a room named after itself: not worth showing
        s.rooms().stream().filter(r -> !r.equals(s.id())).sorted().forEach(rooms::add);
        out.put("transport", s.transport());
        out.put("address", s.handshake().address());
        out.put("connected_at", JsonOut.date(s.handshake().issued()));
        out.put("node", s.node());
        return out;
    }
}
