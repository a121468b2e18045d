package dev.switchboard.console.core;

/** JSON text that does not parse; the message says where and why. */
public class InvalidJsonException extends Exception {

    public InvalidJsonException(String message) {
        super(message, null, false, false);
    }
}
