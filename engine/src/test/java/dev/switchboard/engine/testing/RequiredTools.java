package dev.switchboard.engine.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests need besides Java (node, redis-server). When one is missing, those tests are
 * skipped with the reason on a developer's machine, and fail under {@code CI=true}: a CI run must never
 * pass with them unrun.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    /** Skips the calling test, or fails it under {@code CI=true}, when {@code program} is not on the PATH. */
    public static void require(String program, String install) {
        require(program, install, "true".equalsIgnoreCase(System.getenv("CI")));
    }

    static void require(String program, String install, boolean ci) {
        if (onPath(program)) {
            return;
        }
        String reason = program + " is not on the PATH (" + install + ")";
        if (ci) {
            Assertions.fail(reason + "; with CI=true the tests that need it fail instead of being skipped");
        }
        Assumptions.abort(reason + "; skipping the tests that need it");
    }

    /**
     * Requires node, and the npm packages of {@code nodeDir} ({@code package-lock.json}) installed there:
     * {@code npm ci} on first use, when one of {@code packages} is not there yet.
     */
    public static void requireNodePackages(Path nodeDir, String... packages) {
        require("node", "install Node.js: apt-get install nodejs npm");
        for (String name : packages) {
            if (!Files.isDirectory(nodeDir.resolve("node_modules").resolve(name))) {
                npmCi(nodeDir);
                return;
            }
        }
    }

    private static void npmCi(Path nodeDir) {
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(nodeDir.toFile())
                    // not the test JVM's stdin: npm makes a shared stdin non-blocking, which breaks Surefire's channel
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).start();
            String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (npm.waitFor() != 0) {
                Assertions.fail("npm ci in " + nodeDir + " failed: " + log);
            }
        } catch (IOException e) {
            Assertions.fail("npm ci in " + nodeDir + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assertions.fail("interrupted during npm ci in " + nodeDir);
        }
    }

    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
