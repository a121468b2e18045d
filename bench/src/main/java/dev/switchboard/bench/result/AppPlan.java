package dev.switchboard.bench.result;

import java.util.List;

/**
 * Who the application workload plays and with what, read from the seeded database: each user with
 * the users it may message and read (it follows them and neither blocks the other), and tweets by
 * owner for likes.
 */
public record AppPlan(List<User> users, List<Tweet> tweets) {

    public record User(String id, List<String> peers, int followers) {
    }

    public record Tweet(String id, String owner) {
    }
}
