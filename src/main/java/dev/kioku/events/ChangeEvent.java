package dev.kioku.events;

import java.util.Set;

/**
 * What a committed write changed, as dependency keys: {@code post:42}, {@code posts}, {@code tag:anime},
 * {@code series:7}, {@code archive:2026-11}, {@code site}. Pages record the same keys when rendered.
 */
public record ChangeEvent(Set<String> keys) {
    /** Every public page depends on this key: site title, theme, settings. */
    public static final String SITE = "site";
    /** Every public page shows the navigation: published when a page appears, disappears or is renamed. */
    public static final String NAV = "nav";

    public ChangeEvent {
        keys = Set.copyOf(keys);
    }

    public static ChangeEvent of(String... keys) {
        return new ChangeEvent(Set.of(keys));
    }
}
