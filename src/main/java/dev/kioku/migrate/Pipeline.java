package dev.kioku.migrate;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Reads an export on one thread and prepares its items (HTML to Markdown, Markdown to HTML: most of an import's
 * work) on the other cores, handing them back in file order to the one thread that writes the database.
 *
 * <p>Why bounded: at most {@value #AHEAD} items are read ahead, so memory stays flat whatever the file size.
 */
final class Pipeline<T> implements AutoCloseable {
    static final int AHEAD = 64;
    private static final CompletableFuture<Object> END = CompletableFuture.completedFuture(null);

    private final BlockingQueue<CompletableFuture<?>> queue = new ArrayBlockingQueue<>(AHEAD);
    private final ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().daemon().name("import-", 0).factory());
    private final Thread reader;

    Pipeline(Path file, Function<Wxr.Item, T> prepare) {
        reader = Thread.ofPlatform().daemon().name("import-reader").start(() -> {
            try {
                new WxrReader().read(file, new Wxr.Listener() {
                    @Override
                    public void item(Wxr.Item i) {
                        put(CompletableFuture.supplyAsync(() -> prepare.apply(i), workers));
                    }
                });
                put(END);
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(CompletableFuture.failedFuture(e));
                } catch (InterruptedException stopped) {
                    // the writer has given up already and closed the pipeline
                }
            }
        });
    }

    private void put(CompletableFuture<?> f) {
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import stopped");
        }
    }

    /**
     * The next prepared item in file order, or null after the last.
     *
     * @throws WxrException or any other exception the reading or preparing threw
     */
    @SuppressWarnings("unchecked")
    T next() {
        try {
            CompletableFuture<?> f = queue.take();
            if (f == END) return null;
            return (T) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        queue.clear();
        workers.shutdownNow();
    }
}
