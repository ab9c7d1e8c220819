package dev.kioku.media;

import dev.kioku.db.PlainReads;
import dev.kioku.markdown.ImageSizes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for images and their copies. One method per query. */
final class MediaStore {
    private static final String COLUMNS = """
            select id, path, mime, width, height, alt, caption, bytes, original_name, uploaded_by, created_at
            from media
            """;

    /** What a new row holds. */
    record NewImage(String path, String mime, int width, int height, long bytes, String alt, String caption,
                    String originalName, Long uploadedBy) {
    }

    long insert(Handle h, NewImage m, Instant now) {
        return h.createQuery("""
                insert into media (path, mime, width, height, bytes, alt, caption, original_name, uploaded_by, created_at)
                values (:path, :mime, :width, :height, :bytes, :alt, :caption, :originalName, :uploadedBy, :now)
                returning id""").bindMap(params(m)).bind("now", now).mapTo(Long.class).one();
    }

    /** Inserts, or replaces the image at the same path keeping its id. */
    long upsert(Handle h, NewImage m, Instant now) {
        return h.createQuery("""
                insert into media (path, mime, width, height, bytes, alt, caption, original_name, uploaded_by, created_at)
                values (:path, :mime, :width, :height, :bytes, :alt, :caption, :originalName, :uploadedBy, :now)
                on conflict (path) do update set mime = excluded.mime, width = excluded.width, height = excluded.height,
                    bytes = excluded.bytes, alt = excluded.alt, caption = excluded.caption
                returning id""").bindMap(params(m)).bind("now", now).mapTo(Long.class).one();
    }

    void insertVariant(Handle h, long mediaId, Media.Variant v) {
        h.createUpdate("insert into media_variants (media_id, width, height, path, bytes) values (:id, :width, :height, :path, :bytes)")
                .bind("id", mediaId).bind("width", v.width()).bind("height", v.height()).bind("path", v.path())
                .bind("bytes", v.bytes()).execute();
    }

    /** Removes the copies of an image; returns their paths. */
    List<String> deleteVariants(Handle h, long mediaId) {
        List<String> paths = h.createQuery("select path from media_variants where media_id = :id").bind("id", mediaId)
                .mapTo(String.class).list();
        h.createUpdate("delete from media_variants where media_id = :id").bind("id", mediaId).execute();
        return paths;
    }

    /**
     * An image with its copies (narrowest first) in one plain JDBC statement, as every post page with a featured
     * image asks (see {@link PlainReads}): one row per copy, or one with null copy columns when it has none.
     */
    Optional<Media> byId(Handle h, long id) {
        List<Object[]> rows = PlainReads.list(h, """
                select m.id, m.path, m.mime, m.width, m.height, m.alt, m.caption, m.bytes, m.original_name, m.uploaded_by,
                       m.created_at, v.path, v.width, v.height, v.bytes
                from media m left join media_variants v on v.media_id = m.id
                where m.id = ? order by v.width""", rs -> {
            long uploader = rs.getLong(10);
            Long uploadedBy = rs.wasNull() ? null : uploader;
            Media m = new Media(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                    rs.getString(7), rs.getLong(8), rs.getString(9), uploadedBy, Instant.ofEpochMilli(rs.getLong(11)), List.of());
            String copy = rs.getString(12);
            return new Object[] {m, copy == null ? null : new Media.Variant(copy, rs.getInt(13), rs.getInt(14), rs.getLong(15))};
        }, id);
        if (rows.isEmpty()) return Optional.empty();
        Media m = (Media) rows.getFirst()[0];
        List<Media.Variant> copies = rows.stream().map(r -> (Media.Variant) r[1]).filter(java.util.Objects::nonNull).toList();
        return Optional.of(new Media(m.id(), m.path(), m.mime(), m.width(), m.height(), m.alt(), m.caption(), m.bytes(),
                m.originalName(), m.uploadedBy(), m.createdAt(), copies));
    }

    /** Newest first. */
    List<Media> newest(Handle h, int offset, int limit) {
        return withVariants(h, h.createQuery(COLUMNS + " order by created_at desc, id desc limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset).map(MediaStore::row).list());
    }

    int count(Handle h) {
        return h.createQuery("select count(*) from media").mapTo(Integer.class).one();
    }

    boolean describe(Handle h, long id, String alt, String caption) {
        return h.createUpdate("update media set alt = :alt, caption = :caption where id = :id")
                .bind("alt", alt).bind("caption", caption).bind("id", id).execute() == 1;
    }

    boolean delete(Handle h, long id) {
        return h.createUpdate("delete from media where id = :id").bind("id", id).execute() == 1;
    }

    /** True when an image or a copy is already stored at this path. */
    boolean taken(Handle h, String path) {
        return h.createQuery("""
                select count(*) from (select path from media where path = :path
                                      union all select path from media_variants where path = :path) found""")
                .bind("path", path).mapTo(Integer.class).one() > 0;
    }

    Optional<ImageSizes.Size> sizeOf(Handle h, String path) {
        return h.createQuery("select width, height from media where path = :path").bind("path", path)
                .map((rs, ctx) -> new ImageSizes.Size(rs.getInt(1), rs.getInt(2))).findOne();
    }

    List<ImageSizes.Variant> variantsOf(Handle h, String path) {
        return h.createQuery("""
                select v.path, v.width from media_variants v join media m on m.id = v.media_id
                where m.path = :path order by v.width""").bind("path", path)
                .map((rs, ctx) -> new ImageSizes.Variant(rs.getString(1), rs.getInt(2))).list();
    }

    private List<Media> withVariants(Handle h, List<Media> rows) {
        if (rows.isEmpty()) return rows;
        Map<Long, List<Media.Variant>> byMedia = new HashMap<>();
        h.createQuery("select media_id, path, width, height, bytes from media_variants where media_id in (<ids>)")
                .bindList("ids", ids(rows))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Media.Variant(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5))))
                .forEach(e -> byMedia.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(m -> new Media(m.id(), m.path(), m.mime(), m.width(), m.height(), m.alt(), m.caption(),
                m.bytes(), m.originalName(), m.uploadedBy(), m.createdAt(), byMedia.getOrDefault(m.id(), List.of()))).toList();
    }

    private static Map<String, Object> params(NewImage m) {
        Map<String, Object> p = new HashMap<>();
        p.put("path", m.path());
        p.put("mime", m.mime());
        p.put("width", m.width());
        p.put("height", m.height());
        p.put("bytes", m.bytes());
        p.put("alt", m.alt());
        p.put("caption", m.caption());
        p.put("originalName", m.originalName());
        p.put("uploadedBy", m.uploadedBy());
        return p;
    }

    private static Collection<Long> ids(List<Media> rows) {
        return rows.stream().map(Media::id).toList();
    }

    private static Media row(ResultSet rs, StatementContext ctx) throws SQLException {
        long uploader = rs.getLong("uploaded_by");
        Long uploadedBy = rs.wasNull() ? null : uploader;
        return new Media(rs.getLong("id"), rs.getString("path"), rs.getString("mime"), rs.getInt("width"), rs.getInt("height"),
                rs.getString("alt"), rs.getString("caption"), rs.getLong("bytes"), rs.getString("original_name"), uploadedBy,
                Instant.ofEpochMilli(rs.getLong("created_at")), List.of());
    }
}
