package dev.kioku.site;

import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.media.MediaLibrary;
import dev.kioku.web.Assets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
    private final MediaLibrary media;
    private volatile Site current;
    private final AtomicLong version = new AtomicLong();

    /** @param nav the pages shown in the navigation, read again after a {@code pages} event */
    public SiteService(Jdbi jdbi, EventBus events, Supplier<List<NavLink>> nav, String base, Assets assets, MediaLibrary media) {
        this.jdbi = jdbi;
        this.store = new SettingsStore(jdbi);
        this.events = events;
        this.nav = nav;
        this.base = base;
        this.assets = assets;
        this.media = media;
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
            SiteSettings settings = store.load();
            s = new Site(settings, nav.get(), base, assets.url("theme.css"), SiteStylesheet.url(settings),
                    assets.url("favicon.svg"), logo(settings));
            // a change that arrived while loading must not be overwritten by what was loaded before it
            if (version.get() == seen) current = s;
        }
        return s;
    }

    private void forget() {
        version.incrementAndGet();
        current = null;
    }

    private Site.Logo logo(SiteSettings settings) {
        if (settings.logoMediaId() == null) return null;
        return media.byId(settings.logoMediaId()).map(m -> new Site.Logo(m.path(), m.width(), m.height())).orElse(null);
    }

    /**
     * Saves new settings and drops every cached page.
     *
     * @throws IllegalArgumentException when the accent colour is too light to read ({@link Accent#problem})
     */
    public void update(SiteSettings settings) {
        Accent.problem(settings.accentColor()).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        jdbi.useTransaction(h -> store.save(h, settings));
        events.publish(ChangeEvent.of(ChangeEvent.SITE));
    }
}
