package dev.kioku.site;

import dev.kioku.content.PermalinkStyle;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Site settings as name/value rows; missing names fall back to the defaults. */
final class SettingsStore {
    private final Jdbi jdbi;

    SettingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    SiteSettings load() {
        Map<String, String> rows = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select name, value from settings")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> rows.put(e.getKey(), e.getValue())));
        SiteSettings d = SiteSettings.DEFAULTS;
        return new SiteSettings(
                rows.getOrDefault("title", d.title()),
                rows.getOrDefault("tagline", d.tagline()),
                rows.getOrDefault("language", d.language()),
                ZoneId.of(rows.getOrDefault("time_zone", d.timeZone().getId())),
                Integer.parseInt(rows.getOrDefault("posts_per_page", Integer.toString(d.postsPerPage()))),
                rows.getOrDefault("footer_text", d.footerText()),
                rows.getOrDefault("accent_color", d.accentColor()),
                logo(rows.get("logo_media_id")),
                PermalinkStyle.of(rows.get("permalinks")).orElse(d.permalinks()),
                !"excerpt".equals(rows.get("feed_content")),
                Integer.parseInt(rows.getOrDefault("feed_items", Integer.toString(d.feedItems()))));
    }

    void save(Handle h, SiteSettings s) {
        put(h, "title", s.title());
        put(h, "tagline", s.tagline());
        put(h, "language", s.language());
        put(h, "time_zone", s.timeZone().getId());
        put(h, "posts_per_page", Integer.toString(s.postsPerPage()));
        put(h, "footer_text", s.footerText());
        put(h, "accent_color", s.accentColor());
        put(h, "logo_media_id", s.logoMediaId() == null ? "" : Long.toString(s.logoMediaId()));
        put(h, "permalinks", s.permalinks().value());
        put(h, "feed_content", s.feedFullText() ? "full" : "excerpt");
        put(h, "feed_items", Integer.toString(s.feedItems()));
    }

    private static Long logo(String value) {
        return value == null || value.isBlank() ? null : Long.valueOf(value);
    }

    private static void put(Handle h, String name, String value) {
        h.createUpdate("""
                insert into settings (name, value) values (:name, :value)
                on conflict (name) do update set value = excluded.value
                """).bind("name", name).bind("value", value).execute();
    }
}
