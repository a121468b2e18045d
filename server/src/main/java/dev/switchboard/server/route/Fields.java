package dev.switchboard.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fields of a route's body and collects a reason for each one at fault, so one answer names
 * every bad field: {@code fields: { email: "not an email address", password: "at least 10 characters" }}.
 * Fields the route does not know are at fault too.
 */
public final class Fields {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.]{3,30}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,15}$");
    public static final int MAX_EMAIL = 254;
    private static final int MAX_UNKNOWN_REPORTED = 10;

    private final ObjectNode body;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public Fields(ObjectNode body, List<String> known) {
        this.body = body;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && problems.size() < MAX_UNKNOWN_REPORTED) {
                problems.put(Clean.label(name), "unknown field; this route takes " + String.join(", ", known));
            }
        }
    }

    /** A required string of {@code min} to {@code max} characters, trimmed, without control characters. */
    public String text(String name, int min, int max) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min || length > max) {
            return fault(name, min == max ? "exactly " + min + " characters" : min + " to " + max + " characters");
        }
        return trimmed;
    }

    /** A required string kept exactly as sent (a password, a token), of at most {@code max} characters. */
    public String secret(String name, int max) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return fault(name, "must not be empty");
        }
        if (value.length() > max) {
            return fault(name, "at most " + max + " characters");
        }
        return value;
    }

    /** 3 to 30 letters, digits, '_' or '.'; stored lower-case. */
    public String username(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        if (!USERNAME.matcher(value).matches()) {
            return fault(name, "3 to 30 characters of letters a-z, digits, '_' and '.'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** An email address, stored lower-case. */
    public String email(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()) {
            return fault(name, "not an email address (name@domain.tld, at most " + MAX_EMAIL + " characters)");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** An optional phone number: 6 to 15 digits, as a JSON number or a string (a leading '+' allowed). */
    public Long optionalPhone(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        String digits = node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.isTextual() ? node.asText().strip() : null;
        if (digits == null || !PHONE.matcher(digits).matches()) {
            fault(name, "6 to 15 digits, as a number or a string");
            return null;
        }
        return Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
    }

    /** Records a reason for a field found at fault by the route itself. */
    public <T> T fault(String name, String reason) {
        problems.putIfAbsent(name, reason);
        return null;
    }

    /** @throws RouteException 400 naming every field at fault, if any */
    public void check() throws RouteException {
        if (!problems.isEmpty()) {
            throw RouteException.invalidFields(problems);
        }
    }

    private String string(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return fault(name, "required");
        }
        if (!node.isTextual()) {
            return fault(name, "must be a string, not " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        String value = node.asText();
        String bad = Clean.problem(value);
        return bad == null ? value : fault(name, bad);
    }
}
