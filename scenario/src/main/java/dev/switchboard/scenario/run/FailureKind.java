package dev.switchboard.scenario.run;

/** Why a step failed, in the words load reports count them by. */
public enum FailureKind {
    CONNECT_REFUSED("connect refused"),
    CONNECT_TIMEOUT("connect timeout"),
    CONNECT_ERROR_MISSING("expected connect_error did not happen"),
    NOT_CONNECTED("actor not connected"),
    ACK_TIMEOUT("ack timeout"),
    ACK_MISMATCH("ack did not match"),
    PUSH_MISSING("expected push missing"),
    PUSH_MISMATCH("push did not match"),
    UNEXPECTED_PUSH("unexpected push"),
    CAPTURE("capture failed"),
    NO_USER("no user to pick");

    private final String words;

    FailureKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
