package dev.kioku.comments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link DiscussionSettings} as {@code discussion.*} rows of the settings table; missing rows are defaults. */
final class DiscussionStore {
    private static final String PREFIX = "discussion.";
    private final Jdbi jdbi;

    DiscussionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    DiscussionSettings load() {
        Map<String, String> rows = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select name, value from settings where name like 'discussion.%'")
                .map((rs, ctx) -> Map.entry(rs.getString(1).substring(PREFIX.length()), rs.getString(2)))
                .forEach(e -> rows.put(e.getKey(), e.getValue())));
        DiscussionSettings d = DiscussionSettings.DEFAULTS;
        return new DiscussionSettings(
                rows.containsKey("moderation") ? Moderation.of(rows.get("moderation")) : d.moderation(),
                number(rows, "close_after_days", d.closeAfterDays()),
                number(rows, "thread_depth", d.threadDepth()),
                number(rows, "per_page", d.perPage()),
                number(rows, "max_links", d.maxLinks()),
                list(rows, "blocked_words", d.blockedWords()),
                list(rows, "blocked_emails", d.blockedEmails()),
                list(rows, "blocked_ips", d.blockedIps()),
                Boolean.parseBoolean(rows.getOrDefault("gravatar", Boolean.toString(d.gravatar()))),
                Boolean.parseBoolean(rows.getOrDefault("notify_author", Boolean.toString(d.notifyAuthor()))),
                rows.getOrDefault("akismet_key", d.akismetKey()),
                rows.getOrDefault("akismet_endpoint", d.akismetEndpoint()));
    }

    void save(DiscussionSettings s) {
        jdbi.useTransaction(h -> {
            put(h, "moderation", s.moderation().code());
            put(h, "close_after_days", Integer.toString(s.closeAfterDays()));
            put(h, "thread_depth", Integer.toString(s.threadDepth()));
            put(h, "per_page", Integer.toString(s.perPage()));
            put(h, "max_links", Integer.toString(s.maxLinks()));
            put(h, "blocked_words", String.join("\n", s.blockedWords()));
            put(h, "blocked_emails", String.join("\n", s.blockedEmails()));
            put(h, "blocked_ips", String.join("\n", s.blockedIps()));
            put(h, "gravatar", Boolean.toString(s.gravatar()));
            put(h, "notify_author", Boolean.toString(s.notifyAuthor()));
            put(h, "akismet_key", s.akismetKey());
            put(h, "akismet_endpoint", s.akismetEndpoint());
        });
    }

    /** A random secret kept in the settings table, made on first use; the same on every node. */
    String secret(String name, java.util.function.Supplier<String> fresh) {
        return jdbi.inTransaction(h -> {
            var existing = h.createQuery("select value from settings where name = :n").bind("n", "secret." + name)
                    .mapTo(String.class).findOne();
            if (existing.isPresent()) return existing.get();
            h.createUpdate("insert into settings (name, value) values (:n, :v) on conflict (name) do nothing")
                    .bind("n", "secret." + name).bind("v", fresh.get()).execute();
            return h.createQuery("select value from settings where name = :n").bind("n", "secret." + name)
                    .mapTo(String.class).one();
        });
    }

    private static int number(Map<String, String> rows, String name, int fallback) {
        try {
            return rows.containsKey(name) ? Integer.parseInt(rows.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<String> list(Map<String, String> rows, String name, List<String> fallback) {
        return rows.containsKey(name) ? DiscussionSettings.lines(rows.get(name)) : fallback;
    }

    private static void put(Handle h, String name, String value) {
        h.createUpdate("""
                insert into settings (name, value) values (:name, :value)
                on conflict (name) do update set value = excluded.value
                """).bind("name", PREFIX + name).bind("value", value).execute();
    }
}
