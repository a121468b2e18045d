package dev.switchboard.server;

import dev.switchboard.engine.Namespace;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.redis.SocketSlots;
import dev.switchboard.server.args.ArgParser;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.SyncPoints;
import dev.switchboard.server.emit.Emits;
import dev.switchboard.server.presence.Presence;
import dev.switchboard.server.security.Revocations;
import dev.switchboard.server.security.TokenCheck;
import dev.switchboard.server.store.Stores;
import dev.switchboard.server.visibility.Visibility;
import java.time.Clock;
import java.util.Date;

/** What middlewares, listeners and emits work with. */
public record AppContext(
        ServerConfig config,
        Stores stores,
        Visibility visibility,
        Presence presence,
        SocketSlots socketSlots,
        Jwt jwt,
        Clock clock,
        Namespace main,
        ArgParser argParser,
        Emits emits,
        SyncPoints syncPoints) {

    /** Cuts a user's sessions off, on every node. */
    public Revocations revocations() {
        return new Revocations(stores.revocations(), main, clock);
    }

    /** The session token checks of the handshake. */
    public TokenCheck tokenCheck() {
        return new TokenCheck(jwt, stores.users(), revocations());
    }

    /** Now, as stored (milliseconds). */
    public Date now() {
        return new Date(clock.millis());
    }
}
