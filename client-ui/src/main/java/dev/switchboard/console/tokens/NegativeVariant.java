package dev.switchboard.console.tokens;

/** Tokens the server's front door must refuse, one click each in the tokens view. */
public enum NegativeVariant {
    EXPIRED("Expired", "signed correctly, expired five minutes ago"),
    WRONG_SIGNATURE("Wrong signature", "signed with a different secret"),
    ALG_NONE("alg: none", "unsigned, algorithm none"),
    UNKNOWN_USER("Unknown user", "valid signature, user_id of no user in the database"),
    MISSING_USER_ID("Missing user_id", "valid signature, no user_id claim");

    private final String label;
    private final String description;

    NegativeVariant(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
