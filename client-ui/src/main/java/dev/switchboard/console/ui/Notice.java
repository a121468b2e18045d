package dev.switchboard.console.ui;

/** A message for a view's {@link StatusLine}, held by a model: what worked, failed or is running. */
public record Notice(Kind kind, String text) {

    public enum Kind {
        INFO, OK, ERROR, WARN, BUSY;

        String styleClass() {
            return "status-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Notice ok(String text) {
        return new Notice(Kind.OK, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }

    public static Notice warn(String text) {
        return new Notice(Kind.WARN, text);
    }

    public static Notice busy(String text) {
        return new Notice(Kind.BUSY, text);
    }
}
