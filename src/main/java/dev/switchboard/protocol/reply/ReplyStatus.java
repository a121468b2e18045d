package dev.switchboard.protocol.reply;

import java.util.Optional;

/** The {@code status} of a reply: {@code ok} or one failure code of the contract. */
public enum ReplyStatus {
    OK("ok"),
    INVALID_ARGUMENT("invalid_argument"),
    NOT_FOUND("not_found"),
    FORBIDDEN("forbidden"),
    CONFLICT("conflict"),
    TOO_LARGE("too_large"),
    RATE_LIMITED("rate_limited"),
    /** The server is over capacity and did not run the call; the reply carries {@code retry_after_ms}. */
    UNAVAILABLE("unavailable"),
    INTERNAL("internal");

    private final String code;

    ReplyStatus(String code) {
        this.code = code;
    }

    /** The wire form, e.g. {@code invalid_argument}. */
    public String code() {
        return code;
    }

    public static Optional<ReplyStatus> fromCode(String code) {
        for (ReplyStatus s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
