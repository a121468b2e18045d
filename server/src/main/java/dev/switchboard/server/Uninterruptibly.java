package dev.switchboard.server;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work that must not be cut short by an interrupt, such as closing: on an interrupted thread the
 * database client's close aborts and the file store's writes fail, its last commit too. The work runs on a
 * thread of its own, which no interrupt of the caller's reaches, even one that arrives half-way; the caller
 * waits for it, and an interrupt it received meanwhile is given back after.
 */
public final class Uninterruptibly {

    private Uninterruptibly() {
    }

    public static void run(Runnable work) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, Thread.currentThread().getName() + "-uninterruptible");
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
