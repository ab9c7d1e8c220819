package dev.kioku.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers change events to listeners, synchronously, on the writer's thread, after its commit.
 *
 * <p>Why synchronous: the writer's next request (and every reader's) must already see the change, so the
 * page cache has to have dropped stale pages before the write call returns. A failing listener is logged
 * and does not stop the others.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
    }

    public void publish(ChangeEvent event) {
        if (event.keys().isEmpty()) return;
        for (Consumer<ChangeEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.error("listener failed on {}", event, e);
            }
        }
    }
}
