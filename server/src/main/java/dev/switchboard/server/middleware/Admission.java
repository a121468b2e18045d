package dev.switchboard.server.middleware;

/** A middleware's answer: admit the connection, or refuse it for a reason a person can act on. */
public record Admission(boolean admitted, String reason) {

    private static final Admission ADMIT = new Admission(true, null);

    public static Admission admit() {
        return ADMIT;
    }

    public static Admission reject(String reason) {
        return new Admission(false, reason);
    }
}
