package dev.kioku.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes new reader comments, several in one transaction on SQLite (group commit).
 *
 * <p>Why: SQLite runs one write transaction at a time and, with {@code synchronous=FULL}, each commit waits for
 * an fsync. One transaction per comment makes every commenter queue for the write lock (sleeping in
 * {@code busy_timeout}) and then for their own fsync: a few hundred comments a second at best, with seconds of
 * latency under load. Here one writer thread takes every comment queued while the previous commit was on disk,
 * writes each inside its own savepoint (a comment that fails is rolled back alone and gets its own exception),
 * commits once, and only then answers each caller: a caller that returns normally holds a committed, durable
 * comment, exactly as with a transaction of its own.
 *
 * <p>On PostgreSQL concurrent transactions already commit side by side (and the server groups their WAL
 * flushes), so each comment is simply its own transaction on the caller's thread.
 *
 * <p>The writer thread exists only while there is work: it is started by the first comment of a burst and ends
 * when the queue is empty, so nothing needs closing.
 */
final class CommentWriter {
    /** Most comments in one transaction: a bound on how long the write lock is held at once. */
    static final int MAX_BATCH = 128;

    private final Jdbi jdbi;
    private final boolean grouped;
    private final ThreadFactory threads;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();

    private record Pending<T>(Function<Handle, T> work, CompletableFuture<T> done) {
    }

    CommentWriter(Jdbi jdbi) {
        this(jdbi, Thread.ofPlatform().daemon().name("comment-writer").factory());
    }

    /** With the factory making the writer thread (tests make one that fails). */
    CommentWriter(Jdbi jdbi, ThreadFactory threads) {
        this.jdbi = jdbi;
        this.threads = threads;
        this.grouped = !"PostgreSQL".equals(jdbi.withHandle(CommentWriter::productName));
    }

    private static String productName(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code work} inside a write transaction and returns once that transaction has committed.
     *
     * @return what {@code work} returned
     * @throws RuntimeException what {@code work} threw (its writes are rolled back; other comments are not
     *         affected), or the failure of the transaction itself (then nothing of this comment was kept)
     */
    <T> T write(Function<Handle, T> work) {
        if (!grouped) return jdbi.inTransaction(work::apply);
        CompletableFuture<T> done = new CompletableFuture<>();
        Pending<T> pending = new Pending<>(work, done);
        waiting.incrementAndGet();
        queue.add(pending);
        try {
            startIfIdle();
        } catch (RuntimeException | Error e) {
            // no writer could be started: take the comment back so nothing is written behind an error page;
            // if a writer already took it, it will be written and this caller waits for it as usual
            if (queue.remove(pending)) {
                waiting.decrementAndGet();
                throw e;
            }
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Whether comments are written one transaction at a time on one connection (SQLite), not side by side. */
    boolean serialized() {
        return grouped;
    }

    /** Comments handed to the writer and not yet answered (tests wait on it to fill one batch). */
    int waiting() {
        return waiting.get();
    }

    /** Transactions committed by the writer so far. */
    long commits() {
        return commits.get();
    }

    /** Starts a writer unless one is running; when none can be started the flag goes down again, so the next comment tries anew. */
    private void startIfIdle() {
        if (!running.compareAndSet(false, true)) return;
        try {
            threads.newThread(this::drain).start();
        } catch (RuntimeException | Error e) {
            running.set(false);
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Pending<?> first = queue.poll();
            if (first == null) {
                running.set(false);
                // a comment queued after the poll and before the flag went down would otherwise wait forever
                if (queue.isEmpty() || !running.compareAndSet(false, true)) return;
                continue;
            }
            try {
                writeBatch(first);
            } catch (Throwable e) {
                // never leave the flag up with nobody draining: the next comment starts a fresh writer
                running.set(false);
                throw e;
            }
        }
    }

    private void writeBatch(Pending<?> first) {
        List<Pending<?>> batch = new ArrayList<>();
        batch.add(first);
        Object[] results = new Object[MAX_BATCH];
        RuntimeException[] failures = new RuntimeException[MAX_BATCH];
        boolean committed = false;
        Handle h = null;
        try {
            h = jdbi.open();
            h.begin();
            // whatever queued while waiting for the lock (and for the last commit's fsync) joins this transaction
            queue.drainTo(batch, MAX_BATCH - 1);
            for (int i = 0; i < batch.size(); i++) {
                h.savepoint("comment");
                try {
                    results[i] = batch.get(i).work().apply(h);
                    h.releaseSavepoint("comment");
                } catch (RuntimeException e) {
                    failures[i] = e;
                    h.rollbackToSavepoint("comment");
                }
            }
            h.commit();
            committed = true;
            commits.incrementAndGet();
        } catch (RuntimeException | Error e) {
            // the transaction itself failed: none of the batch was kept
            for (Pending<?> p : batch) p.done().completeExceptionally(e);
            return;
        } finally {
            if (h != null) closeQuietly(h, committed);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] != null) batch.get(i).done().completeExceptionally(failures[i]);
            else complete(batch.get(i), results[i]);
        }
    }

    /** A handle that will not close cleanly after a commit does not undo the commit; before one, it rolls back. */
    private static void closeQuietly(Handle h, boolean committed) {
        try {
            h.close();
        } catch (RuntimeException e) {
            if (!committed) return;
            org.slf4j.LoggerFactory.getLogger(CommentWriter.class).warn("closing the comment writer's connection failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Object result) {
        p.done().complete((T) result);
    }
}
