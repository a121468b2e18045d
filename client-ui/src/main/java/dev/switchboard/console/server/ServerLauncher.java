package dev.switchboard.console.server;

import dev.switchboard.console.settings.Settings;

/** Finds or starts the server the console works with. */
public interface ServerLauncher extends AutoCloseable {

    /** Blocking: probes, and may start a server. Run it on {@code Background}. */
    ServerSession start(Settings settings) throws Exception;

    /** Stops whatever {@link #start} started; a no-op for an external server. */
    @Override
    void close();
}
