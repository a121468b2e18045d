package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * For one server push ({@code admin/emit}): which users' sockets received it, and for the users who
 * could have and did not, why — offline, not following the owner, or a block between them. Works on
 * the rooms the push went to, the sockets connected now and the owner's {@link DeliveryFacts}; pure.
 */
public final class DeliveryExplainer {

    private static final String FOLLOWED = "followed-";
    private static final Pattern USER_ROOM = Pattern.compile("^[0-9a-fA-F]{24}$");

    private DeliveryExplainer() {
    }

    /** The user whose followers a push to {@code followed-<id>} is for; null for other pushes. */
    public static String ownerOf(JsonNode emit) {
        for (JsonNode room : emit.path("to").path("rooms")) {
            if (room.asText().startsWith(FOLLOWED)) {
                return room.asText().substring(FOLLOWED.length());
            }
        }
        return null;
    }

    public static List<DeliveryLine> explain(JsonNode emit, List<LiveSocket> sockets, DeliveryFacts facts) {
        JsonNode to = emit.path("to");
        Set<String> rooms = new LinkedHashSet<>();
        to.path("rooms").forEach(r -> rooms.add(r.asText()));
        String targetSocket = to.hasNonNull("socketId") ? to.get("socketId").asText() : null;

        Map<String, List<LiveSocket>> byUser = new LinkedHashMap<>();
        for (LiveSocket s : sockets) {
            if (s.userId() != null) {
                byUser.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(s);
            }
        }
        List<DeliveryLine> lines = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        // who got it: a socket named by the push, or in one of its rooms
        byUser.forEach((user, own) -> {
            List<String> hit = new ArrayList<>();
            for (LiveSocket s : own) {
                if (s.socketId().equals(targetSocket)) {
                    hit.add("sent to socket " + s.socketId());
                }
                s.rooms().stream().filter(rooms::contains).forEach(r -> hit.add("in room " + r));
            }
            if (!hit.isEmpty()) {
                done.add(user);
                lines.add(new DeliveryLine(user, name(facts, own), own.size(), true, String.join(", ", new LinkedHashSet<>(hit))));
            }
        });
        // a push to one user's room that nobody received: that user is offline
        for (String room : rooms) {
            if (USER_ROOM.matcher(room).matches() && done.add(room)) {
                lines.add(new DeliveryLine(room, facts.name(room), 0, false, "offline: no connected socket"));
            }
        }
        String owner = facts.owner();
        if (owner != null && rooms.contains(FOLLOWED + owner)) {
            String ownerName = facts.name(owner);
            Set<String> candidates = new LinkedHashSet<>(byUser.keySet());
            candidates.addAll(facts.followers());
            candidates.addAll(facts.blocks().keySet());
            for (String user : candidates) {
                if (user.equals(owner) || done.contains(user)) {
                    continue;
                }
                List<LiveSocket> own = byUser.getOrDefault(user, List.of());
                String name = own.isEmpty() ? facts.name(user) : name(facts, own);
                lines.add(new DeliveryLine(user, name, own.size(), false, whyNot(user, own, facts, ownerName)));
            }
        }
        lines.sort(Comparator.comparing(DeliveryLine::received).reversed().thenComparing(DeliveryLine::user));
        return lines;
    }

    private static String whyNot(String user, List<LiveSocket> own, DeliveryFacts facts, String ownerName) {
        String block = facts.blocks().get(user);
        if (block != null) {
            return "blocked: " + block.replace("the owner", ownerName);
        }
        boolean follows = facts.followers().contains(user);
        if (!follows) {
            return "not following " + ownerName;
        }
        if (own.isEmpty()) {
            return "offline: follows " + ownerName + " but has no connected socket";
        }
        return "follows " + ownerName + " but its sockets are not in room followed-" + facts.owner()
                + " (connected before the follow was accepted?)";
    }

    private static String name(DeliveryFacts facts, List<LiveSocket> own) {
        String n = own.get(0).username();
        return n != null ? n : facts.name(own.get(0).userId());
    }
}
