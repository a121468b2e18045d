package dev.switchboard.console.core;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where every slow call runs (database, network, signing, seeding): a pool of daemon threads, with the
 * result or the failure handed back on the FX thread. Nothing slow ever runs on the FX thread.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService pool;

    public Background() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "console-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(threads);
    }

    /** Runs {@code work} in the background; exactly one of the callbacks then runs on the FX thread. */
    public <T> Future<?> run(Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onError) {
        try {
            return submit(work, onResult, onError);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the console is closing: a last timer tick or click has nothing left to do
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private <T> Future<?> submit(Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onError) {
        return pool.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onResult.accept(result));
            } catch (Throwable e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    /** Fire and forget, for work whose outcome is reported some other way. */
    public void execute(Runnable work) {
        try {
            pool.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closing: nothing left to do
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
