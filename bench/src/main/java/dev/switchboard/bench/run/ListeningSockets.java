package dev.switchboard.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds which process listens on a TCP port, from {@code /proc/net/tcp[6]} and the processes' fd
 * tables. The server scripts may run java or node as a child (or grandchild) of a shell, and the
 * bench must read the CPU and memory of the process that actually serves.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The socket inodes listening on {@code port}, from the text of /proc/net/tcp or tcp6. */
    static Set<String> listeningInodes(List<String> procNetTcpLines, int port) {
        Set<String> inodes = new HashSet<>();
        String portHex = String.format(":%04X", port);
        for (String line : procNetTcpLines) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[1].endsWith(portHex) && LISTEN.equals(f[3])) {
                inodes.add(f[9]);
            }
        }
        return inodes;
    }

    /** Among {@code root} and its descendants, the one holding a socket listening on {@code port}. */
    public static Optional<Long> pidListeningOn(ProcessHandle root, int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                inodes.addAll(listeningInodes(Files.readAllLines(Path.of(table)), port));
            } catch (IOException e) {
                // no IPv6 table on this machine: nothing listens there
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        return Stream.concat(Stream.of(root), root.descendants())
                .map(ProcessHandle::pid)
                .filter(pid -> holdsAny(pid, inodes))
                .findFirst();
    }

    private static boolean holdsAny(long pid, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
