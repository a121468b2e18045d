package dev.switchboard.server.db;

import java.util.Set;

/** Told by the embedded database, after each applied write and before its reply, which documents it may have changed. */
public interface WrittenDocuments {

    /** Documents of {@code collection} with these {@code _id} keys ({@link WriteWatch#key}) may have changed. */
    void changed(String database, String collection, Set<String> ids);

    /** Any document of {@code collection} may have changed; a null collection: any collection of the database. */
    void changedAll(String database, String collection);

    /** The key of an {@code _id} value, the same for the driver's types and the embedded server's; null for other kinds. */
    static String key(Object id) {
        return WriteWatch.key(id);
    }
}
