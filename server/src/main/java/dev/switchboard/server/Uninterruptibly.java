package dev.switchboard.server;

/**
 * Runs work that must not be cut short by an interrupt, such as closing: on an interrupted thread the
 * database client's close aborts and the file store's writes fail, its last commit too. The interrupt is
 * cleared for the work and given back after it.
 */
public final class Uninterruptibly {

    private Uninterruptibly() {
    }

    public static void run(Runnable work) {
        boolean interrupted = Thread.interrupted();
        try {
            work.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
