package dev.switchboard.protocol.jwt;

/** A token the server will not accept; the message says exactly why, for a person to act on. */
public class TokenRejectedException extends Exception {

    public TokenRejectedException(String message) {
        super(message, null, false, false);
    }
}
