package dev.switchboard.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Hashes passwords with Argon2id and checks them. A hash is a PHC string such as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}: the per-user random salt and the parameters
 * travel inside it, so raising the parameters later leaves older hashes checkable.
 *
 * <p>Hashes of the system this one replaces (base64 of an unsalted SHA-256, as in the documented fixture)
 * are still checked, so their users can log in; {@link #needsRehash} then says to store an Argon2id hash.
 * Every check costs one Argon2id computation, whatever the stored hash, so timing does not tell an old
 * hash, or a missing user ({@link #burn}), from a current one.
 */
public final class PasswordHasher {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane; 16-byte salt, 32-byte hash. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(16, 32, 1, 19 * 1024, 2);

    private static final String ARGON2ID = "$argon2id$";

    private final Argon2PasswordEncoder encoder;
    /** Checked when there is nothing to check against, so that path costs the same. */
    private final String decoy;

    public PasswordHasher(int saltLength, int hashLength, int parallelism, int memoryKiB, int iterations) {
        this.encoder = new Argon2PasswordEncoder(saltLength, hashLength, parallelism, memoryKiB, iterations);
        this.decoy = encoder.encode("decoy password nobody has");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** True when {@code password} matches the stored hash (Argon2id or the older unsalted SHA-256). */
    public boolean matches(String password, String stored) {
        if (stored != null && stored.startsWith(ARGON2ID)) {
            return encoder.matches(password, stored);
        }
        burn(password);
        return stored != null && !stored.isEmpty() && MessageDigest.isEqual(
                legacy(password).getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.UTF_8));
    }

    /** One Argon2id check against nothing: for users that do not exist. */
    public void burn(String password) {
        encoder.matches(password, decoy);
    }

    /** True when the stored hash is not an Argon2id hash with the current parameters. */
    public boolean needsRehash(String stored) {
        return stored == null || !stored.startsWith(ARGON2ID) || encoder.upgradeEncoding(stored);
    }

    private static String legacy(String password) {
        return Base64.getEncoder().encodeToString(Sha256.of(password));
    }
}
