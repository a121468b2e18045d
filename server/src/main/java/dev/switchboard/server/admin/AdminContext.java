package dev.switchboard.server.admin;

import dev.switchboard.redis.ClusterRequests;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.admin.stats.EventStats;
import dev.switchboard.server.moderation.AuditLog;
import java.time.Instant;

/**
 * What the admin listeners work with besides the application's context; {@code nodes} asks every node,
 * {@code audit} records moderation actions.
 */
public record AdminContext(AppContext app, EventStats stats, Instant startedAt, ClusterRequests nodes, AuditLog audit) {
}
