package dev.switchboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.reply.ReplyStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the oracle expects of one call, decided from the database before it is made.
 *
 * <p>{@code allowed} narrows the statuses (every status is allowed when no rule applies);
 * {@code mustNotWrite} asks for the database to be unchanged by the call; each check runs on an
 * {@code ok} reply and returns a problem or null.
 */
final class Expectation {

    /** Statuses a limit may answer with, whatever the call. */
    static final Set<ReplyStatus> LIMITS = EnumSet.of(ReplyStatus.RATE_LIMITED, ReplyStatus.TOO_LARGE);

    private final List<String> rules = new ArrayList<>();
    private Set<ReplyStatus> allowed = EnumSet.allOf(ReplyStatus.class);
    private boolean mustNotWrite;
    private final List<Function<JsonNode, String>> okChecks = new ArrayList<>();

    /** Only these statuses (and the limits) may answer; the rule is quoted in a violation. */
    Expectation only(String rule, ReplyStatus first, ReplyStatus... rest) {
        Set<ReplyStatus> these = EnumSet.of(first, rest);
        these.addAll(LIMITS);
        allowed.retainAll(these);
        rules.add(rule);
        return this;
    }

    /** Not {@code ok}, and nothing written. */
    Expectation refused(String rule, boolean write) {
        only(rule, ReplyStatus.FORBIDDEN, ReplyStatus.NOT_FOUND, ReplyStatus.INVALID_ARGUMENT);
        mustNotWrite |= write;
        return this;
    }

    Expectation onOk(Function<JsonNode, String> check) {
        okChecks.add(check);
        return this;
    }

    Set<ReplyStatus> allowed() {
        return allowed;
    }

    boolean mustNotWrite() {
        return mustNotWrite;
    }

    List<Function<JsonNode, String>> okChecks() {
        return okChecks;
    }

    String rules() {
        return String.join("; ", rules);
    }
}
