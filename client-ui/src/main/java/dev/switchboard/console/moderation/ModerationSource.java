package dev.switchboard.console.moderation;

import dev.switchboard.console.data.UserRef;
import java.util.List;
import java.util.Set;

/** Where moderation reads from: the database when the console can reach it, else the server's /admin namespace. */
public interface ModerationSource {

    List<UserRef> search(String query) throws Exception;

    UserDetail detail(String userId) throws Exception;

    /** The ids among these users whose suspension is in force now. */
    Set<String> suspendedAmong(List<UserRef> users) throws Exception;

    /** For the view's hint: where the data comes from. */
    String origin();
}
