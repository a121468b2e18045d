package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One poll of the server: its sockets and its stats. */
record ServerSnapshot(List<LiveSocket> sockets, List<EventStat> events, long uptimeSeconds, int connections,
                      int usersOnline) {

    static ServerSnapshot read(AdminSession admin) throws Exception {
        JsonNode sockets = admin.call("admin/sockets/get");
        JsonNode stats = admin.call("admin/stats/get");
        return new ServerSnapshot(LiveSocket.listOf(sockets), EventStat.listOf(stats), stats.path("uptime_s").asLong(),
                stats.path("connections").asInt(), stats.path("users_online").asInt());
    }
}
