package dev.switchboard.engine.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable 20-character ids (120 random bits, base64url), like Node's session and socket ids. */
public final class Ids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() { }

    public static String next() {
        byte[] bytes = new byte[15];
        RANDOM.get().nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
