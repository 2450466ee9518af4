package org.homeward.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit: many small submissions made by concurrent requests stored in one database transaction, each caller
 * answered only after that transaction has committed (acknowledged still means committed).
 * <p>
 * A request thread queues its submission and waits. A few writer threads each take everything queued (up to a weight
 * limit, e.g. a number of readings), hand it to the work as one group inside one transaction, and complete each
 * caller with its own result. While one writer commits, the next group gathers, so the group size follows the load:
 * one submission alone is stored at once, with no added delay.
 * <p>
 * One failing submission must not fail the others queued with it. If a group's transaction fails, nothing of it was
 * committed, and each of its submissions is tried again alone in its own transaction; only the failing one gets the
 * error, as its caller would have without grouping.
 * <p>
 * A submission made inside a transaction (a caller composing it with other writes) runs at once in that transaction,
 * so it commits or rolls back with the caller's other work.
 *
 * @param <S> a submission
 * @param <R> the result of one submission
 */
public final class GroupCommit<S, R> implements AutoCloseable {

    private final LinkedBlockingDeque<Pending<S, R>> queue = new LinkedBlockingDeque<>();
    /** Held by the writer gathering the next group, so two writers never split a queue between them. */
    private final ReentrantLock gathering = new ReentrantLock();
    private final Function<List<S>, List<R>> work;
    private final ToIntFunction<S> weight;
    private final int maxWeight;
    private final TransactionOperations transaction;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param name the writer threads' name prefix
     * @param writers how many groups may be committing at once
     * @param maxWeight the most a group may weigh; a submission heavier than this alone is a group of its own
     * @param weight a submission's weight (e.g. its number of readings)
     * @param transaction the transaction each group runs in
     * @param work stores a group and returns one result per submission, in the group's order
     */
    public GroupCommit(String name, int writers, int maxWeight, ToIntFunction<S> weight,
            TransactionOperations transaction, Function<List<S>, List<R>> work) {
        if (writers < 1 || maxWeight < 1) {
            throw new IllegalArgumentException("writers and maxWeight must be at least 1");
        }
        this.work = work;
        this.weight = weight;
        this.maxWeight = maxWeight;
        this.transaction = transaction;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::write, name + "-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /**
     * Stores the submission, grouped with others queued at the same moment, and returns its result once committed.
     * The work's exception for this submission is thrown here, as it was thrown.
     */
    public R submit(S submission) {
        java.util.Objects.requireNonNull(submission, "submission");
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return only(work.apply(List.of(submission)));
        }
        Pending<S, R> pending = new Pending<>(submission, weight.applyAsInt(submission));
        if (closed) {
            throw new IllegalStateException("Homeward is stopping; nothing was stored. Send it again shortly.");
        }
        queue.addLast(pending);
        if (closed && queue.remove(pending)) {
            throw new IllegalStateException("Homeward is stopping; nothing was stored. Send it again shortly.");
        }
        try {
            return pending.result.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    /** How many submissions are waiting for a writer. */
    public int queued() {
        return (int) queue.stream().filter(pending -> !pending.isStop()).count();
    }

    /** Whether {@link #close} has been called: no submission is taken any more. */
    public boolean isClosed() {
        return closed;
    }

    private void write() {
        for (List<Pending<S, R>> group = nextGroup(); !group.isEmpty(); group = nextGroup()) {
            commit(group);
        }
    }

    /** Everything queued now, up to the weight limit; waits for a first submission; empty when told to stop. */
    private List<Pending<S, R>> nextGroup() {
        gathering.lock();
        try {
            Pending<S, R> first = takeFirst();
            if (first.isStop()) {
                return List.of();
            }
            List<Pending<S, R>> group = new ArrayList<>();
            group.add(first);
            int total = first.weight;
            Pending<S, R> next;
            while ((next = queue.pollFirst()) != null) {
                if (next.isStop() || total + next.weight > maxWeight) {
                    queue.addFirst(next);
                    break;
                }
                group.add(next);
                total += next.weight;
            }
            return group;
        } finally {
            gathering.unlock();
        }
    }

    private Pending<S, R> takeFirst() {
        while (true) {
            try {
                return queue.takeFirst();
            } catch (InterruptedException ignored) {
                // writers stop on a stop marker, not on an interrupt: what is queued is always written
            }
        }
    }

    private void commit(List<Pending<S, R>> group) {
        try {
            List<R> results = transaction.execute(status -> work.apply(group.stream().map(p -> p.submission).toList()));
            if (results == null || results.size() != group.size()) {
                throw new IllegalStateException("the work returned " + (results == null ? "nothing" : results.size()
                        + " results") + " for " + group.size() + " submissions");
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result.complete(results.get(i));
            }
        } catch (RuntimeException | Error failed) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(failed);
                return;
            }
            // nothing of the group was committed: each alone, so only the failing one fails
            for (Pending<S, R> pending : group) {
                try {
                    pending.result.complete(only(transaction.execute(status -> work.apply(List.of(pending.submission)))));
                } catch (RuntimeException | Error alone) {
                    pending.result.completeExceptionally(alone);
                }
            }
        }
    }

    private R only(List<R> results) {
        if (results == null || results.size() != 1) {
            throw new IllegalStateException("the work must return one result for one submission");
        }
        return results.get(0);
    }

    /** Stops taking submissions, writes what is queued, and waits for the writers to finish. */
    @Override
    public void close() {
        closed = true;
        writers.forEach(writer -> queue.addLast(new Pending<>(null, 0)));
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Pending<S, R> {
        final S submission;
        final int weight;
        final CompletableFuture<R> result = new CompletableFuture<>();

        Pending(S submission, int weight) {
            this.submission = submission;
            this.weight = weight;
        }

        /** The marker {@link #close} queues once for each writer. */
        boolean isStop() {
            return submission == null;
        }
    }
}
