package dev.switchboard.server.db.journal;

import java.util.function.Consumer;

/** Where a rewrite of the journal writes every document; told between chunks, while no collection is held. */
interface RecordSink extends Consumer<JournalRecord> {

    /** A point where the writer may pause without holding back any write. */
    default void betweenChunks() {
    }
}
