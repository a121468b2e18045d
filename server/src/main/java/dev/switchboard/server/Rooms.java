package dev.switchboard.server;

import org.bson.types.ObjectId;

/** The room names of the contract. */
public final class Rooms {

    private Rooms() {
    }

    /** Every socket of that user. */
    public static String user(ObjectId userId) {
        return userId.toHexString();
    }

    /** Every socket of every user that follows {@code userId}. */
    public static String followed(ObjectId userId) {
        return "followed-" + userId.toHexString();
    }
}
