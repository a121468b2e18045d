package dev.switchboard.console.timeline;

/** What happened on a connection. */
public enum FrameKind {
    OUT("→ emit", FlowDirection.OUTGOING),
    ACK("← ack", FlowDirection.INCOMING),
    IN("← push", FlowDirection.INCOMING),
    CONNECT("● connect", FlowDirection.LIFECYCLE),
    DISCONNECT("○ disconnect", FlowDirection.LIFECYCLE),
    CONNECT_ERROR("✕ connect_error", FlowDirection.LIFECYCLE),
    /** A listener call of another client, seen by the server (admin/event). */
    SERVER_CALL("◆ server call", FlowDirection.SERVER),
    /** A push the server sent to other clients (admin/emit). */
    SERVER_PUSH("◆ server push", FlowDirection.SERVER),
    /** Another client connected, was refused, or left (admin/connection). */
    SERVER_CONNECTION("◆ server conn", FlowDirection.SERVER);

    private final String label;
    private final FlowDirection direction;

    FrameKind(String label, FlowDirection direction) {
        this.label = label;
        this.direction = direction;
    }

    public String label() {
        return label;
    }

    public FlowDirection direction() {
        return direction;
    }
}
