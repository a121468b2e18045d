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
    void arrivalsAreLetInWhateverWaitsUntilAnEpisodeProvesTheServerSaturated() {
        for (long t = 1000; t < 3000; t += 2) {
            // stalls of 200 ms: long waits, but never for three budgets running
            assertThat(budget.shed(Duration.ofMillis(t % 500 < 200 ? 150 : 20), t * MS)).isFalse();
            if (t % 100 == 0) {
                budget.shed(Duration.ofMillis(1), t * MS);
                assertThat(budget.refuseOnArrival(100_000, t * MS)).isFalse();
            }
        }
    }

    @Test
    void onceSaturatedAnArrivalThatWouldWaitOverHalfTheBudgetIsRefusedBeforeItQueues() {
        long now = saturateAt500RunsASecond();
        // 500 runs a second: 25 waiting events are worked off in 50 ms, half the budget
        assertThat(budget.refuseOnArrival(20, now)).as("20 waiting: about 40 ms").isFalse();
        assertThat(budget.refuseOnArrival(30, now)).as("30 waiting: about 60 ms").isTrue();
        assertThat(budget.refuseOnArrival(0, now + MS)).as("an empty queue still lets it in").isFalse();
    }

    @Test
    void theOverloadEndsWhenNoArrivalWasRefusedForTenBudgets() {
        long now = saturateAt500RunsASecond();
        assertThat(budget.refuseOnArrival(1000, now)).isTrue();
        for (long t = now + 10 * MS; t < now + 1900 * MS; t += 10 * MS) {
            budget.shed(Duration.ofMillis(5), t); // the workers go on at 100 events a second
            if (t == now + 900 * MS) {
                assertThat(budget.refuseOnArrival(1000, t)).as("a refusal 900 ms ago: still overloaded").isTrue();
            } else if (t > now + 900 * MS) {
                assertThat(budget.refuseOnArrival(2, t)).as("2 waiting: 20 ms").isFalse();
            }
        }
        assertThat(budget.refuseOnArrival(1000, now + 1901 * MS)).as("calm for a second: no longer judged").isFalse();
    }

    @Test
    void whenFewEventsAreLetInTheirRateIsNotTakenForTheCapacity() {
        long now = saturateAt500RunsASecond();
        // refusals let in only a trickle: 20 events a second run for a second
        for (long t = now; t < now + 1000 * MS; t += 50 * MS) {
            budget.shed(Duration.ofMillis(1), t);
            assertThat(budget.refuseOnArrival(1000, t)).as("a real backlog is still refused").isTrue();
            assertThat(budget.refuseOnArrival(20, t)).as("20 waiting: 40 ms at the capacity measured").isFalse();
        }
    }

    @Test
    void aSaturatedServerWhoseWorkersStartNothingLetsInOnlyWhatItsCapacityWorksOffInHalfTheBudget() {
        long now = saturateAt500RunsASecond();
        // the workers are stuck (a database that stopped answering): nothing has started for 300 ms
        assertThat(budget.refuseOnArrival(0, now + 300 * MS)).as("nothing waits").isFalse();
        assertThat(budget.refuseOnArrival(20, now + 300 * MS)).isFalse();
        assertThat(budget.refuseOnArrival(30, now + 300 * MS)).isTrue();
    }

    /** An event every 2 ms, long and short waits interleaving, until the first one is shed; answers then. */
    private long saturateAt500RunsASecond() {
        for (long t = 1000; t < 3000; t += 2) {
            boolean longWait = t % 4 == 0;
            if (budget.shed(Duration.ofMillis(longWait ? 180 : 20), t * MS)) {
                return t * MS;
            }
        }
        throw new AssertionError("never shed");
    }

    @Test
    void theHintIsAtLeastTwoBudgets() {
        assertThat(budget.retryAfterMillis()).isEqualTo(200);
        assertThat(new QueueBudget(Duration.ofMillis(10)).retryAfterMillis()).isEqualTo(100);
    }
}
