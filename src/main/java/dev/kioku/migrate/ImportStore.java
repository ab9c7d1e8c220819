package dev.kioku.migrate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for what imports remember: WordPress ids per exporting site, and old addresses with a fixed new home. */
final class ImportStore {
    /** WordPress id → Kioku id (null: seen, not stored) of one kind, for one site. */
    Map<Long, Long> ids(Handle h, String site, String kind) {
        Map<Long, Long> ids = new HashMap<>();
        h.createQuery("select wp_id, kioku_id from wordpress_ids where site = :site and kind = :kind")
                .bind("site", site).bind("kind", kind)
                .map((rs, ctx) -> {
                    long k = rs.getLong(2);
                    return new Object[] {rs.getLong(1), rs.wasNull() ? null : k};
                })
                .forEach(r -> ids.put((Long) r[0], (Long) r[1]));
        return ids;
    }

    /** Remembers ids in one batch: each row is {kind, wpId, kiokuId or null}. */
    void remember(Handle h, String site, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("""
                insert into wordpress_ids (site, kind, wp_id, kioku_id) values (:site, :kind, :wp, :kioku)
                on conflict (site, kind, wp_id) do update set kioku_id = excluded.kioku_id""");
        for (Object[] r : rows) {
            batch.bind("site", site).bind("kind", (String) r[0]).bind("wp", (Long) r[1]);
            batch.bindByType("kioku", r[2], Long.class);
            batch.add();
        }
        batch.execute();
    }

    void addOldUrl(Handle h, String from, String to) {
        h.createUpdate("""
                insert into old_urls (from_path, to_path) values (:from, :to)
                on conflict (from_path) do update set to_path = excluded.to_path""").bind("from", from).bind("to", to).execute();
    }

    Optional<String> oldUrl(Handle h, String from) {
        return h.createQuery("select to_path from old_urls where from_path = :from").bind("from", from).mapTo(String.class).findOne();
    }
}
