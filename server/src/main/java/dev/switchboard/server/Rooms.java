package dev.switchboard.server;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.types.ObjectId;

/** The room names of the contract. */
public final class Rooms {

    private static final String FOLLOWED = "followed-";

    private Rooms() {
    }

    /** Every socket of that user. */
    public static String user(ObjectId userId) {
        return userId.toHexString();
    }

    /** Every socket of every user that follows {@code userId}. */
    public static String followed(ObjectId userId) {
        return FOLLOWED + userId.toHexString();
    }

    /**
     * The rooms a socket of that user belongs in: its user's room and {@code followed-<id>} for every user
     * followed. Interned: every socket of every follower names the same rooms, and the adapter keeps each
     * name per socket; one shared String per room instead of one per socket and room saves most of the room
     * memory.
     */
    public static Set<String> of(ObjectId userId, Collection<ObjectId> following) {
        Set<String> rooms = new LinkedHashSet<>();
        rooms.add(user(userId).intern());
        for (ObjectId followed : following) {
            rooms.add(followed(followed).intern());
        }
        return rooms;
    }

    public static boolean isFollowed(String room) {
        return room.startsWith(FOLLOWED);
    }
}
