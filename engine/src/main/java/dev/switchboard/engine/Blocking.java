package dev.switchboard.engine;

/** What an event handler declares about itself when it is registered, which decides the thread it runs on. */
public enum Blocking {

    /**
     * The handler may block (a database call, a remote service): it runs on the worker pool. The
     * default of {@link Namespace#on(String, EventHandler)}.
     */
    MAY_BLOCK,

    /**
     * The handler never blocks and returns quickly (in-memory work, emits, acks): it runs on the
     * connection's event loop, sparing two thread hops per event. Blocking here would stall every
     * connection of that loop.
     */
    NON_BLOCKING
}
