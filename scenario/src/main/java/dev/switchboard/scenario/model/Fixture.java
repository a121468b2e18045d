package dev.switchboard.scenario.model;

import dev.switchboard.server.fixture.FixtureSpec;
import java.util.Optional;

/** What the seeder writes before a run: nothing, the documented examples, or a generated population. */
public sealed interface Fixture {

    Fixture NONE = new None();

    /** The seeder's spec, or empty for {@code none}. */
    Optional<FixtureSpec> spec();

    record None() implements Fixture {
        @Override
        public Optional<FixtureSpec> spec() {
            return Optional.empty();
        }
    }

    record Documented() implements Fixture {
        @Override
        public Optional<FixtureSpec> spec() {
            return Optional.of(FixtureSpec.documented());
        }
    }

    record Generated(int users, long seed, int density) implements Fixture {
        @Override
        public Optional<FixtureSpec> spec() {
            return Optional.of(FixtureSpec.generated(users, seed).withDensity(density));
        }
    }
}
