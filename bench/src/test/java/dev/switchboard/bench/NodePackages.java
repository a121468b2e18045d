package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** bench/node with its npm packages (the socket.io baseline and the official client), installed when missing. */
public final class NodePackages {

    public static final Path DIR = Path.of(System.getProperty("bench.node.dir", "node")).toAbsolutePath();

    private NodePackages() {
    }

    public static void install() throws Exception {
        if (Files.isDirectory(DIR.resolve("node_modules/socket.io"))
                && Files.isDirectory(DIR.resolve("node_modules/socket.io-client"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(DIR.toFile())
                // not inheritIO: npm turns a shared stdin non-blocking, which breaks Surefire's channel
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm ci finished in time").isTrue();
        assertThat(npm.exitValue()).as("npm ci exit status").isZero();
    }
}
