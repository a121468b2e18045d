package dev.switchboard.server.route;

/** Text a route may store or echo: no control characters, no unpaired UTF-16 surrogates. */
final class Clean {

    private static final int MAX_LABEL = 40;

    private Clean() {
    }

    /** Why that text may not be stored, or null. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode (an unpaired surrogate)";
            }
        }
        return null;
    }

    /** A field name from the client, made safe to use as a key of the answer. */
    static String label(String name) {
        String safe = problem(name) == null ? name : name.codePoints()
                .map(c -> Character.isISOControl(c) || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
                        ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return safe.codePointCount(0, safe.length()) > MAX_LABEL
                ? safe.substring(0, safe.offsetByCodePoints(0, MAX_LABEL)) + "…" : safe;
    }
}
