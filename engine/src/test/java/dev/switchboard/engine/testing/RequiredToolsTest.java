package dev.switchboard.engine.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool skips the tests that need it on a developer's machine, and fails them under CI=true. */
class RequiredToolsTest {

    private static final String MISSING = "switchboard-no-such-program";

    @Test
    void aMissingToolSkipsWithTheReasonOutsideCi() {
        assertThatThrownBy(() -> RequiredTools.require(MISSING, "install it", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(MISSING + " is not on the PATH (install it)");
    }

    @Test
    void aMissingToolFailsUnderCi() {
        assertThatThrownBy(() -> RequiredTools.require(MISSING, "install it", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(MISSING + " is not on the PATH").hasMessageContaining("CI=true");
    }

    @Test
    void aToolOnThePathPassesEitherWay() {
        assertThatCode(() -> RequiredTools.require("sh", "", true)).doesNotThrowAnyException();
        assertThatCode(() -> RequiredTools.require("sh", "", false)).doesNotThrowAnyException();
    }
}
