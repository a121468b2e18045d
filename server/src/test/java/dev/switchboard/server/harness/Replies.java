package dev.switchboard.server.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on reply envelopes. */
public final class Replies {

    private Replies() {
    }

    /** Asserts a success and returns it. */
    public static JsonNode ok(JsonNode reply) {
        assertThat(reply.path("status").asText()).as("reply %s", reply).isEqualTo("ok");
        assertThat(reply.has("error")).as("reply %s", reply).isFalse();
        return reply;
    }

    /** Asserts a failure with that status and a sentence; returns the sentence. */
    public static String failed(JsonNode reply, String status) {
        assertThat(reply.path("status").asText()).as("reply %s", reply).isEqualTo(status);
        String error = reply.path("error").asText();
        assertThat(error).as("reply %s", reply).isNotBlank();
        return error;
    }
}
