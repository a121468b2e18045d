package dev.switchboard.console.data;

/** An id a picker offers, with a label a person recognises. */
public record IdChoice(String id, String label) {

    @Override
    public String toString() {
        return label == null || label.equals(id) ? id : label + "  —  " + id;
    }
}
