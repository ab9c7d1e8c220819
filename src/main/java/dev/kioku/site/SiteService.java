package dev.kioku.site;

import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.web.Assets;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Site settings and the frame every public page shares. Settings are read once and kept until a
 * {@code site} or {@code pages} change event.
 */
public final class SiteService {
    private final Jdbi jdbi;
    private final SettingsStore store;
    private final EventBus events;
    private final Supplier<List<NavLink>> nav;
    private final String base;
    private final Assets assets;
    private volatile Site current;

    /** @param nav the pages shown in the navigation, read again after a {@code pages} event */
    public SiteService(Jdbi jdbi, EventBus events, Supplier<List<NavLink>> nav, String base, Assets assets) {
        this.jdbi = jdbi;
        this.store = new SettingsStore(jdbi);
        this.events = events;
        this.nav = nav;
        this.base = base;
        this.assets = assets;
        events.subscribe(e -> {
            if (e.keys().contains(ChangeEvent.SITE) || e.keys().contains("pages")) current = null;
        });
    }

    public SiteSettings settings() {
        return site().settings();
    }

    /** The frame for public templates; never null. */
    public Site site() {
        Site s = current;
        if (s == null) {
            s = new Site(store.load(), nav.get(), base, assets.url("theme.css"), assets.url("favicon.svg"));
            current = s;
        }
        return s;
    }

    /** Saves new settings and drops every cached page. */
    public void update(SiteSettings settings) {
        jdbi.useTransaction(h -> store.save(h, settings));
        current = null;
        events.publish(ChangeEvent.of(ChangeEvent.SITE));
    }
}
