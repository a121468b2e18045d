package dev.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shedding policy on its own, with the clock given: which events run and which are refused. */
class QueueBudgetTest {

    static final long MS = 1_000_000;
    final QueueBudget budget = new QueueBudget(Duration.ofMillis(100));

    @Test
    void eventsWithinTheBudgetAlwaysRun() {
        for (long t = 0; t < 2000; t += 5) {
            assertThat(budget.shed(Duration.ofMillis(100), t * MS)).isFalse();
        }
    }

    @Test
    void oneStallDoesNotShed() {
        // a 250 ms pause: everything queued behind it waited long, but the backlog is gone before 3 budgets
        for (long t = 1000; t < 1250; t += 2) {
            assertThat(budget.shed(Duration.ofMillis(250 - (t - 1000)), t * MS)).isFalse();
        }
        assertThat(budget.shed(Duration.ofMillis(1), 1250 * MS)).isFalse();
        // much later, another single over-budget wait starts a new episode rather than continuing the old one
        assertThat(budget.shed(Duration.ofMillis(150), 5000 * MS)).isFalse();
    }

    @Test
    void sustainedOverloadShedsTheLongWaitsEvenWhenShortOnesInterleave() {
        int shed = 0;
        int shortShed = 0;
        for (long t = 0; t < 1000; t += 1) {
            boolean longWait = t % 2 == 0;
            boolean refused = budget.shed(Duration.ofMillis(longWait ? 180 : 20), (1000 + t) * MS);
            if (refused && longWait) {
                shed++;
            }
            if (refused && !longWait) {
                shortShed++;
            }
        }
        assertThat(shortShed).as("events that waited within the budget").isZero();
        // from 3 budgets (300 ms) into the episode on, every long wait is refused
        assertThat(shed).isEqualTo(350);
    }

    @Test
    void theEpisodeEndsOneBudgetAfterTheLastLongWait() {
        for (long t = 1000; t <= 1400; t += 10) {
            budget.shed(Duration.ofMillis(150), t * MS);
        }
        assertThat(budget.shed(Duration.ofMillis(150), 1450 * MS)).as("still the same episode").isTrue();
        assertThat(budget.shed(Duration.ofMillis(150), 1600 * MS)).as("150 ms without a long wait: a new episode")
                .isFalse();
    }

    @Test
    void theHintIsAtLeastTwoBudgets() {
        assertThat(budget.retryAfterMillis()).isEqualTo(200);
        assertThat(new QueueBudget(Duration.ofMillis(10)).retryAfterMillis()).isEqualTo(100);
    }
}
