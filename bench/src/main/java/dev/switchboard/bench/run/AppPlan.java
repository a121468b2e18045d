package dev.switchboard.bench.run;

import java.util.List;

/**
 * Who the application load plays, read from the seeded database and handed to the load workers: each
 * user with its token, the users it may message and read (it follows them and neither blocks the
 * other), and the tweets it may like (its own and its peers').
 */
public record AppPlan(List<User> users) {

    public record User(String id, String token, List<String> peers, List<String> likeable) {
    }
}
