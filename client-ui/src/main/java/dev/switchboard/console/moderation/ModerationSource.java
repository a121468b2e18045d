package dev.switchboard.console.moderation;

import dev.switchboard.console.data.UserRef;
import java.util.List;

/** Where moderation reads from: the database when the console can reach it, else the server's /admin namespace. */
public interface ModerationSource {

    List<UserRef> search(String query) throws Exception;

    UserDetail detail(String userId) throws Exception;

    /** For the view's hint: where the data comes from. */
    String origin();
}
