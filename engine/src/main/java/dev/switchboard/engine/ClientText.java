package dev.switchboard.engine;

/**
 * How text that a client chose (event names, namespace names, token fields, argument values) is shown
 * in a log line or echoed in a reply: control and line-separator characters escaped, so a client
 * cannot start a forged log line, and the length capped, so a client cannot flood the log or make
 * the server echo megabytes.
 */
public final class ClientText {

    /** Characters kept of a client value in a log line or a reply, unless a caller says otherwise. */
    public static final int DEFAULT_LIMIT = 120;

    private ClientText() {
    }

    /** The value escaped and cut to {@link #DEFAULT_LIMIT} characters; {@code null} stays "null". */
    public static String of(Object value) {
        return of(value, DEFAULT_LIMIT);
    }

    /**
     * The value escaped and cut to {@code limit} characters of the original: a cut value ends in
     * {@code …(+N chars)} so a reader knows it was longer.
     */
    public static String of(Object value, int limit) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        int shown = Math.min(s.length(), limit);
        if (shown > 0 && shown < s.length() && Character.isHighSurrogate(s.charAt(shown - 1))) {
            shown--; // never split a surrogate pair
        }
        StringBuilder out = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            appendEscaped(out, s.charAt(i));
        }
        if (shown < s.length()) {
            out.append("…(+").append(s.length() - shown).append(" chars)");
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                        || c == '\u0085' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
