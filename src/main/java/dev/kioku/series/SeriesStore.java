package dev.kioku.series;

import dev.kioku.db.PlainReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for series and their ordered parts. */
final class SeriesStore {
    private static final String SERIES = "select id, slug, title, description_md, description_html from series";
    private static final String PARTS = "select id, series_id, position, post_id, planned_title, planned_note from series_parts";

    long insert(Handle h, String slug, String title, String md, String html, Instant now) {
        return h.createQuery("""
                insert into series (slug, title, description_md, description_html, created_at, updated_at)
                values (:slug, :title, :md, :html, :now, :now) returning id""")
                .bind("slug", slug).bind("title", title).bind("md", md).bind("html", html).bind("now", now)
                .mapTo(Long.class).one();
    }

    boolean slugTaken(Handle h, String slug) {
        return h.createQuery("select count(*) from series where slug = :slug").bind("slug", slug).mapTo(Integer.class).one() > 0;
    }

    Optional<Series> byId(Handle h, long id) {
        return h.createQuery(SERIES + " where id = :id").bind("id", id).map(SeriesStore::series).findOne();
    }

    Optional<Series> bySlug(Handle h, String slug) {
        return h.createQuery(SERIES + " where slug = :slug").bind("slug", slug).map(SeriesStore::series).findOne();
    }

    List<Series> all(Handle h) {
        return h.createQuery(SERIES + " order by slug, id").map(SeriesStore::series).list();
    }

    List<Part> parts(Handle h, long seriesId) {
        return h.createQuery(PARTS + " where series_id = :id order by position, id").bind("id", seriesId)
                .map(SeriesStore::partRow).list();
    }

    Optional<Part> part(Handle h, long partId) {
        return h.createQuery(PARTS + " where id = :id").bind("id", partId).map(SeriesStore::partRow).findOne();
    }

    Optional<Part> partOfPost(Handle h, long postId) {
        return h.createQuery(PARTS + " where post_id = :id").bind("id", postId).map(SeriesStore::partRow).findOne();
    }

    /** A series and its parts in order. */
    record Outline(Series series, List<Part> parts) {
    }

    /** The series holding this post with all its parts in order, in one statement; empty when it is in none. */
    Optional<Outline> outlineOfPost(Handle h, long postId) {
        // plain JDBC, as every post page asks (see PlainReads)
        return grouped(PlainReads.list(h, OUTLINE + """
                from series_parts mine join series s on s.id = mine.series_id join series_parts sp on sp.series_id = s.id
                where mine.post_id = ?""" + OUTLINE_ORDER, SeriesStore::outlineRow, postId)).stream().findFirst();
    }

    /** These series with their parts, in the order of {@code ids}; unknown ids are left out. */
    List<Outline> outlines(Handle h, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Outline> found = outlines(h, """
                from series s left join series_parts sp on sp.series_id = s.id
                where s.id in (<ids>)""", ids);
        Map<Long, Outline> byId = new HashMap<>();
        found.forEach(o -> byId.put(o.series().id(), o));
        return ids.stream().map(byId::get).filter(o -> o != null).toList();
    }

    /** The series holding any of these posts, each with all its parts in order. */
    List<Outline> outlinesOfPosts(Handle h, Collection<Long> postIds) {
        if (postIds.isEmpty()) return List.of();
        return outlines(h, """
                from series s join series_parts sp on sp.series_id = s.id
                where s.id in (select mine.series_id from series_parts mine where mine.post_id in (<ids>))""",
                List.copyOf(postIds));
    }

    /** Rows of series and their parts: a series, and one of its parts (none for a series without parts). */
    private static final String OUTLINE = """
            select s.id as s_id, s.slug as s_slug, s.title as s_title, s.description_md as s_md,
                   s.description_html as s_html, sp.id, sp.series_id, sp.position, sp.post_id, sp.planned_title, sp.planned_note
            """;
    private static final String OUTLINE_ORDER = " order by s.id, sp.position, sp.id";

    private static List<Outline> outlines(Handle h, String fromWhere, List<Long> ids) {
        return grouped(h.createQuery(OUTLINE + fromWhere + OUTLINE_ORDER).bindList("ids", ids).map((rs, ctx) -> outlineRow(rs)).list());
    }

    private static Map.Entry<Series, Optional<Part>> outlineRow(ResultSet rs) throws SQLException {
        Series one = new Series(rs.getLong("s_id"), rs.getString("s_slug"), rs.getString("s_title"), rs.getString("s_md"),
                rs.getString("s_html"));
        rs.getLong("id");
        return Map.entry(one, rs.wasNull() ? Optional.<Part>empty() : Optional.of(partRow(rs, null)));
    }

    /** Outline rows grouped by series, in the order they came. */
    private static List<Outline> grouped(List<Map.Entry<Series, Optional<Part>>> rows) {
        Map<Long, Series> series = new LinkedHashMap<>();
        Map<Long, List<Part>> parts = new HashMap<>();
        for (var row : rows) {
            series.putIfAbsent(row.getKey().id(), row.getKey());
            List<Part> of = parts.computeIfAbsent(row.getKey().id(), k -> new ArrayList<>());
            row.getValue().ifPresent(of::add);
        }
        return series.values().stream().map(one -> new Outline(one, List.copyOf(parts.get(one.id())))).toList();
    }

    List<Part> partsOfPosts(Handle h, Collection<Long> postIds) {
        if (postIds.isEmpty()) return List.of();
        return h.createQuery(PARTS + " where post_id in (<ids>)").bindList("ids", List.copyOf(postIds))
                .map(SeriesStore::partRow).list();
    }

    long appendPart(Handle h, long seriesId, Long postId, String plannedTitle, String note) {
        int next = h.createQuery("select coalesce(max(position), 0) + 1 from series_parts where series_id = :id")
                .bind("id", seriesId).mapTo(Integer.class).one();
        return h.createQuery("""
                insert into series_parts (series_id, position, post_id, planned_title, planned_note)
                values (:series, :pos, :post, :title, :note) returning id""")
                .bind("series", seriesId).bind("pos", next).bind("post", postId).bind("title", plannedTitle)
                .bind("note", note == null ? "" : note).mapTo(Long.class).one();
    }

    void attach(Handle h, long partId, long postId) {
        h.createUpdate("update series_parts set post_id = :post where id = :id").bind("post", postId).bind("id", partId).execute();
    }

    void update(Handle h, long id, String slug, String title, String md, String html, Instant now) {
        h.createUpdate("""
                update series set slug = :slug, title = :title, description_md = :md, description_html = :html,
                    updated_at = :now where id = :id""")
                .bind("slug", slug).bind("title", title).bind("md", md).bind("html", html).bind("now", now).bind("id", id)
                .execute();
    }

    /** Remembers that {@code slug} was this series' address, so it keeps answering with a redirect. */
    void keepOldSlug(Handle h, String slug, long seriesId) {
        h.createUpdate("""
                insert into series_slugs (slug, series_id) values (:slug, :id)
                on conflict (slug) do update set series_id = excluded.series_id""")
                .bind("slug", slug).bind("id", seriesId).execute();
    }

    /** Forgets an old address, when a series (this or another) takes it as its current slug. */
    void dropOldSlug(Handle h, String slug) {
        h.createUpdate("delete from series_slugs where slug = :slug").bind("slug", slug).execute();
    }

    /** The series that used to live at {@code slug}, or empty. */
    Optional<Series> byOldSlug(Handle h, String slug) {
        return h.createQuery("""
                select s.id, s.slug, s.title, s.description_md, s.description_html
                from series_slugs o join series s on s.id = o.series_id where o.slug = :slug""")
                .bind("slug", slug).map(SeriesStore::series).findOne();
    }

    void updatePlanned(Handle h, long partId, String title, String note) {
        h.createUpdate("update series_parts set planned_title = :title, planned_note = :note where id = :id")
                .bind("title", title).bind("note", note).bind("id", partId).execute();
    }

    void deleteOldSlugs(Handle h, long seriesId) {
        h.createUpdate("delete from series_slugs where series_id = :id").bind("id", seriesId).execute();
    }

    void deleteParts(Handle h, long seriesId) {
        h.createUpdate("delete from series_parts where series_id = :id").bind("id", seriesId).execute();
    }

    void delete(Handle h, long seriesId) {
        h.createUpdate("delete from series where id = :id").bind("id", seriesId).execute();
    }

    void deletePart(Handle h, long partId) {
        h.createUpdate("delete from series_parts where id = :id").bind("id", partId).execute();
    }

    /** Gives the parts positions 1, 2, 3… in the order listed. */
    void renumber(Handle h, List<Part> inOrder) {
        int position = 1;
        for (Part p : inOrder) {
            h.createUpdate("update series_parts set position = :pos where id = :id").bind("pos", position++).bind("id", p.id())
                    .execute();
        }
    }

    void touch(Handle h, long seriesId, Instant now) {
        h.createUpdate("update series set updated_at = :now where id = :id").bind("now", now).bind("id", seriesId).execute();
    }

    private static Series series(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Series(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("description_md"),
                rs.getString("description_html"));
    }

    private static Part partRow(ResultSet rs, StatementContext ctx) throws SQLException {
        long post = rs.getLong("post_id");
        Long postId = rs.wasNull() ? null : post;
        return new Part(rs.getLong("id"), rs.getLong("series_id"), rs.getInt("position"), postId,
                rs.getString("planned_title"), rs.getString("planned_note"));
    }
}
