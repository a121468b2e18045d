package dev.switchboard.console.moderation;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of the audit log, as {@code admin/audit/get} lists it. */
record AuditEntry(String at, String node, String actor, String action, String target, String reason) {

    static AuditEntry of(JsonNode e) {
        JsonNode actor = e.path("actor");
        JsonNode target = e.path("target");
        return new AuditEntry(e.path("at").asText(), e.path("node").asText(),
                actor.path("username").asText(actor.path("id").asText()) + " (" + actor.path("role").asText() + ")",
                e.path("action").asText(), target.path("kind").asText() + " " + target.path("id").asText(),
                e.path("reason").asText() + (e.hasNonNull("until") ? " · until " + e.path("until").asText() : ""));
    }
}
