package dev.kioku.migrate;

import dev.kioku.comments.CommentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL for exports: everything is read in pages of post ids, so memory stays flat however large the blog. */
final class ExportStore {
    record Author(long id, String email, String name, String slug) {
    }

    record TagRow(long id, String slug, String name) {
    }

    /** A comment as exports write it; {@code parentId} and {@code staffId} may be null. */
    record CommentRow(long id, long postId, Long parentId, CommentStatus status, String name, String email, String url, Long staffId,
                      String bodyMd, String bodyHtml, String ip, Instant at) {
    }

    /** The series slot a post fills. */
    record SeriesSlot(String seriesSlug, int position) {
    }

    List<Author> authors(Handle h) {
        return h.createQuery("select id, email, display_name, slug from users order by id")
                .map((rs, ctx) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    List<TagRow> tags(Handle h) {
        return h.createQuery("select id, slug, name from tags order by id")
                .map((rs, ctx) -> new TagRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    long maxPostId(Handle h) {
        return h.createQuery("select coalesce(max(id), 0) from posts").mapTo(Long.class).one();
    }

    /** The next {@code limit} post and page ids after {@code after}, in id order; empty at the end. */
    List<Long> postIdsAfter(Handle h, long after, int limit) {
        return h.createQuery("select id from posts where id > :after order by id limit :n").bind("after", after).bind("n", limit)
                .mapTo(Long.class).list();
    }

    List<CommentRow> comments(Handle h, Collection<Long> postIds) {
        if (postIds.isEmpty()) return List.of();
        return h.createQuery("""
                select id, post_id, parent_id, status, author_name, author_email, author_url, staff_id, body_md, body_html, ip, created_at
                from comments where post_id in (<ids>) order by id""").bindList("ids", List.copyOf(postIds))
                .map((rs, ctx) -> {
                    long parent = rs.getLong(3);
                    Long parentId = rs.wasNull() ? null : parent;
                    long staff = rs.getLong(8);
                    Long staffId = rs.wasNull() ? null : staff;
                    return new CommentRow(rs.getLong(1), rs.getLong(2), parentId, CommentStatus.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
                            rs.getString(5), rs.getString(6), rs.getString(7), staffId, rs.getString(9), rs.getString(10), rs.getString(11),
                            Instant.ofEpochMilli(rs.getLong(12)));
                }).list();
    }

    Map<Long, SeriesSlot> seriesSlots(Handle h, Collection<Long> postIds) {
        Map<Long, SeriesSlot> out = new HashMap<>();
        if (postIds.isEmpty()) return out;
        h.createQuery("""
                select p.post_id, s.slug, p.position from series_parts p join series s on s.id = p.series_id
                where p.post_id in (<ids>)""").bindList("ids", List.copyOf(postIds))
                .map((rs, ctx) -> new Object[] {rs.getLong(1), new SeriesSlot(rs.getString(2), rs.getInt(3))})
                .forEach(r -> out.put((Long) r[0], (SeriesSlot) r[1]));
        return out;
    }
}
