package dev.switchboard.console.timeline;

/** The timeline's direction filter. */
public enum FlowDirection {
    OUTGOING("Outgoing"), INCOMING("Incoming"), LIFECYCLE("Connect / disconnect"),
    /** What other clients did, as the server's admin stream tells it. */
    SERVER("Server-side");

    private final String label;

    FlowDirection(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
