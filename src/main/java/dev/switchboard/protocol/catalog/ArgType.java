package dev.switchboard.protocol.catalog;

/** The kind of value an argument takes; the console picks its form field by it, the server its parser. */
public enum ArgType {
    /** A 24-hex-digit ObjectId string; {@link ArgSpec#idOf()} says what it names. */
    ID,
    /** A JSON array of ids. */
    ID_LIST,
    /** A whole number from 1. */
    PAGE,
    /** A string; {@link ArgSpec#minLength()}/{@link ArgSpec#maxLength()} bound it after trimming. */
    TEXT,
    BOOLEAN,
    /** A JSON object; {@link ArgSpec#example()} shows its shape. */
    OBJECT,
    /** A base64 string of an image. */
    IMAGE,
    /** A text or an object holding that text in {@link ArgSpec#objectField()} (e.g. tweet/add). */
    TEXT_OR_OBJECT
}
