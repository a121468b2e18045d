package dev.switchboard.server.admin;

import dev.switchboard.server.AppContext;
import dev.switchboard.server.admin.stats.EventStats;
import java.time.Instant;

/** What the admin listeners work with besides the application's context. */
public record AdminContext(AppContext app, EventStats stats, Instant startedAt) {
}
