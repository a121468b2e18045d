package dev.switchboard.console.server;

import dev.switchboard.console.settings.Settings;

/** Finds or starts the server the console works with. */
public interface ServerLauncher extends AutoCloseable {

    /**
     * Blocking: probes, and may start a server; run it on {@code Background}. A server started before keeps
     * running, so that failed settings leave the console as it was.
     */
    ServerSession start(Settings settings) throws Exception;

    /** Stops what {@link #start} started before, except the server of {@code keep} (null: everything). */
    void retireAllBut(ServerSession keep);

    /** Stops whatever {@link #start} started; a no-op for an external server. */
    @Override
    void close();
}
