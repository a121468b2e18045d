package dev.switchboard.engine.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool. Gives each socket its own
 * serial queue without a thread of its own. Yields the pool thread after a short batch so one
 * busy socket cannot starve the others. A task that never blocks may run on the caller's thread
 * instead ({@link #runHereOrQueue}), still one at a time and in order with the queued ones.
 */
public final class SerialExecutor implements Executor, Runnable {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);
    private static final int BATCH = 32;
    private static final AtomicIntegerFieldUpdater<SerialExecutor> SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(SerialExecutor.class, "scheduled");

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile int scheduled;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /**
     * Runs {@code task.accept(a, b)} on this thread now when nothing is queued or running, otherwise
     * queues it behind what is. Either way it runs alone and after every task submitted before it.
     * Taking the task's arguments apart lets a caller on a hot path pass a task that captures
     * nothing, so running here allocates nothing.
     */
    public <A, B> void runHereOrQueue(BiConsumer<A, B> task, A a, B b) {
        if (!tasks.isEmpty() || !SCHEDULED.compareAndSet(this, 0, 1)) {
            execute(() -> task.accept(a, b));
            return;
        }
        try {
            task.accept(a, b);
        } catch (Throwable t) {
            log.error("handler task failed", t);
        } finally {
            scheduled = 0;
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }

    private void schedule() {
        if (SCHEDULED.compareAndSet(this, 0, 1)) {
            try {
                pool.execute(this);
            } catch (RejectedExecutionException e) {
                scheduled = 0;
                tasks.clear();
                log.debug("worker pool is shut down; dropped queued handler tasks");
            }
        }
    }

    @Override
    public void run() {
        for (int i = 0; i < BATCH; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            try {
                task.run();
            } catch (Throwable t) {
                log.error("handler task failed", t);
            }
        }
        scheduled = 0;
        if (!tasks.isEmpty()) {
            schedule();
        }
    }
}
