package dev.switchboard.console.data;

/** A user as pickers and lists show it. */
public record UserRef(String id, String username, String name, String family, String email) {

    public String fullName() {
        String n = ((name == null ? "" : name) + " " + (family == null ? "" : family)).trim();
        return n.isEmpty() ? "(no name)" : n;
    }

    /** "jhonsnow · john snow". */
    public String label() {
        return (username == null ? id : username) + " · " + fullName();
    }

    @Override
    public String toString() {
        return label();
    }
}
