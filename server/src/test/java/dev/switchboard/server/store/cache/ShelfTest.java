package dev.switchboard.server.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The whole reads of one shelf, step by step, where a race would be too rare to catch with real writers. */
class ShelfTest {

    @Test
    void aDocumentTheWholeReadCouldNotKeepIsLeftToTheDatabase() {
        Shelf shelf = new Shelf(100, 10_000);
        String kept = "s:kept";
        String refused = "s:refused";
        String neighbour = neighbourOf(refused);

        Shelf.Fill fill = shelf.beginFill();
        shelf.forget(neighbour); // a write to another key of the same stripe, reported while the read ran
        assertThat(fill.add(new Document("_id", "kept"))).isTrue();
        assertThat(fill.add(new Document("_id", "refused"))).isTrue();
        assertThat(fill.end(true)).isTrue();

        assertThat(shelf.get(kept).document()).isEqualTo(new Document("_id", "kept"));
        assertThat(shelf.get(refused)).as("read but not kept: only the database knows it").isNull();
        assertThat(shelf.get(neighbour)).as("written while the read ran").isNull();
        assertThat(shelf.get("s:never-written").document()).as("any other key is absent").isNull();
    }

    @Test
    void aWholeReadThatEndsWithoutEveryDocumentAnswersNothingAsAbsent() {
        Shelf shelf = new Shelf(100, 10_000);
        Shelf.Fill fill = shelf.beginFill();
        fill.add(new Document("_id", "first"));
        assertThat(fill.end(false)).isFalse();
        assertThat(shelf.get("s:first").document()).isEqualTo(new Document("_id", "first"));
        assertThat(shelf.get("s:second")).isNull();
    }

    @Test
    void aWholeReadDuringWhichEverythingWasForgottenIsNotWhole() {
        Shelf shelf = new Shelf(100, 10_000);
        Shelf.Fill fill = shelf.beginFill();
        fill.add(new Document("_id", "read"));
        shelf.forgetAll(); // a write the database could not name documents for: anything may have been inserted
        assertThat(fill.end(true)).isFalse();
        assertThat(shelf.get("s:inserted-meanwhile")).as("only the database knows it").isNull();
    }

    /** Another key that falls in the same stripe of generations. */
    private static String neighbourOf(String key) {
        for (int i = 0; ; i++) {
            String other = "s:other-" + i;
            if (Shelf.stripe(other) == Shelf.stripe(key)) {
                return other;
            }
        }
    }
}
