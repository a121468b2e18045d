package dev.switchboard.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (BouncyCastle's generator) and checks them. A hash is a PHC string,
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding): the per-user random salt
 * and the parameters travel inside it, so raising the parameters later leaves older hashes checkable.
 *
 * <p>Hashes of the system this one replaces (base64 of an unsalted SHA-256, as in the documented fixture)
 * are still checked, so their users can log in; {@link #needsRehash} then says to store an Argon2id hash.
 * Every check costs one Argon2id computation, whatever the stored hash, so timing does not tell an old
 * hash, or a missing user ({@link #burn}), from a current one.
 */
public final class PasswordHasher {

    /** One set of Argon2id parameters. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
    }

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Cost OWASP_MINIMUM = new Cost(19 * 1024, 2, 1);

    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Stored hashes asking for more than this are refused rather than computed (a forged row must not stall us). */
    private static final int MAX_MEMORY_KIB = 256 * 1024;
    private static final int MAX_ITERATIONS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();
    /** Last of the statics: it hashes its decoy with them. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(OWASP_MINIMUM);

    private final Cost cost;
    /** Checked when there is nothing to check against, so that path costs the same. */
    private final String decoy;

    public PasswordHasher(Cost cost) {
        this.cost = cost;
        this.decoy = hash("decoy password nobody has");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, cost, HASH_BYTES);
        return PREFIX + "m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches the stored hash (Argon2id or the older unsalted SHA-256). */
    public boolean matches(String password, String stored) {
        Phc phc = Phc.parse(stored);
        if (phc != null) {
            return MessageDigest.isEqual(argon2(password, phc.salt(), phc.cost(), phc.hash().length), phc.hash());
        }
        burn(password);
        return stored != null && !stored.isEmpty() && !stored.startsWith("$") && MessageDigest.isEqual(
                legacy(password), stored.getBytes(StandardCharsets.UTF_8));
    }

    /** One Argon2id check against nothing: for users that do not exist. */
    public void burn(String password) {
        matches(password, decoy);
    }

    /** True when the stored hash is not an Argon2id hash with the current parameters. */
    public boolean needsRehash(String stored) {
        Phc phc = Phc.parse(stored);
        return phc == null || !phc.cost().equals(cost);
    }

    private static byte[] legacy(String password) {
        return Base64.getEncoder().encodeToString(Sha256.of(password)).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] argon2(String password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** A stored Argon2id hash taken apart; null when it is not one, or asks for an unreasonable cost. */
    private record Phc(Cost cost, byte[] salt, byte[] hash) {

        static Phc parse(String stored) {
            if (stored == null || !stored.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = stored.substring(PREFIX.length()).split("\\$");
            if (parts.length != 3) {
                return null;
            }
            try {
                int m = -1;
                int t = -1;
                int p = -1;
                for (String param : parts[0].split(",")) {
                    String[] kv = param.split("=", 2);
                    int value = Integer.parseInt(kv[1]);
                    switch (kv[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                byte[] salt = B64_IN.decode(parts[1]);
                byte[] hash = B64_IN.decode(parts[2]);
                boolean sane = m >= 8 * p && m <= MAX_MEMORY_KIB && t >= 1 && t <= MAX_ITERATIONS && p >= 1 && p <= 16
                        && salt.length >= 8 && hash.length >= 16 && hash.length <= 64;
                return sane ? new Phc(new Cost(m, t, p), salt, hash) : null;
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}
