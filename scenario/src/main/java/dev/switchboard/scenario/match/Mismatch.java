package dev.switchboard.scenario.match;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a received value differs from the expected one.
 *
 * @param path     {@code message.context.text}, {@code tweets[0]._id}, or {@code (root)}
 * @param expected what the scenario asked for, as written (after substitution)
 * @param actual   what arrived there, or null when nothing is there
 * @param why      the difference in words
 */
public record Mismatch(String path, JsonNode expected, JsonNode actual, String why) {

    @Override
    public String toString() {
        return path + ": " + why;
    }
}
