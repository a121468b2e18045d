package dev.switchboard.console.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the parser's message into one line a person reads: where (line:column) and what is wrong. */
final class JsonProblem {

    private static final Pattern START_MARKER = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']*)'");

    private JsonProblem() {
    }

    static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 0 ? "" : loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
        return where + what(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
    }

    static String what(String message) {
        Matcher start = START_MARKER.matcher(message);
        String opened = start.find() ? " opened at " + start.group(1) + ":" + start.group(2) : "";
        if (message.contains("close marker for Object")) {
            return "the object" + opened + " is not closed: a } or a comma is missing";
        }
        if (message.contains("close marker for Array")) {
            return "the array" + opened + " is not closed: a ] or a comma is missing";
        }
        Matcher token = TOKEN.matcher(message);
        if (token.find()) {
            return "unknown word '" + token.group(1) + "': text needs double quotes; true, false and null are lower case";
        }
        Matcher unexpected = UNEXPECTED.matcher(message);
        String found = unexpected.find() ? "unexpected " + unexpected.group(1) : "unexpected text";
        if (message.contains("double-quote to start field name")) {
            return found + ": a field name in double quotes was expected (no comma after the last field)";
        }
        if (message.contains("comma to separate Object entries")) {
            return found + ": a comma between fields was expected";
        }
        if (message.contains("comma to separate Array entries")) {
            return found + ": a comma between values was expected";
        }
        if (message.contains("colon to separate field name and value")) {
            return found + ": a colon after the field name was expected";
        }
        if (message.contains("expected a value") || message.contains("expected a valid value")) {
            return found + ": a value was expected";
        }
        if (message.contains("end-of-input")) {
            return "the text ends too early";
        }
        String firstLine = message.lines().findFirst().orElse("").replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll("\\s*\\[Source:.*", "");
        return firstLine.isBlank() ? "not valid JSON" : firstLine;
    }
}
