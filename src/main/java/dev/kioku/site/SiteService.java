package dev.kioku.site;

import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.web.Assets;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Site settings and the frame every public page shares. Settings are read once and kept until a
 * {@code site} or {@code nav} change event. It subscribes to events before the page cache does (see App),
 * so a page rendered after an event never gets the frame from before it.
 */
public final class SiteService {

    private final Jdbi jdbi;
    private final SettingsStore store;
    private final EventBus events;
    private final Supplier<List<NavLink>> nav;
    private final String base;
    private final Assets assets;
    private volatile Site current;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** @param nav the pages shown in the navigation, read again after a {@code pages} event */
    public SiteService(Jdbi jdbi, EventBus events, Supplier<List<NavLink>> nav, String base, Assets assets) {
        this.jdbi = jdbi;
        this.store = new SettingsStore(jdbi);
        this.events = events;
        this.nav = nav;
        this.base = base;
        this.assets = assets;
        events.subscribe(e -> {
            if (e.keys().contains(ChangeEvent.SITE) || e.keys().contains(ChangeEvent.NAV)) forget();
        });
    }

    public SiteSettings settings() {
        return site().settings();
    }

    /** The frame for public templates; never null. */
    public Site site() {
        Site s = current;
        if (s == null) {
            long seen = version.get();
            s = new Site(store.load(), nav.get(), base, assets.url("theme.css"), assets.url("favicon.svg"));
            // a change that arrived while loading must not be overwritten by what was loaded before it
            if (version.get() == seen) current = s;
        }
        return s;
    }

    private void forget() {
        version.incrementAndGet();
        current = null;
    }

    /** Saves new settings and drops every cached page. */
    public void update(SiteSettings settings) {
        jdbi.useTransaction(h -> store.save(h, settings));
        events.publish(ChangeEvent.of(ChangeEvent.SITE));
    }
}
