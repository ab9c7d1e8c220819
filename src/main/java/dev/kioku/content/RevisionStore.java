package dev.kioku.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for {@code post_revisions}. Tags are kept as one comma-separated line of names. */
final class RevisionStore {
    private static final String COLUMNS = """
            select id, post_id, reason, title, slug, body_md, custom_excerpt, tags, saved_by, created_at
            from post_revisions
            """;

    long insert(Handle h, long postId, Revision.Reason reason, String title, String slug, String bodyMd,
                String customExcerpt, List<String> tags, Long savedBy, Instant now) {
        return h.createQuery("""
                insert into post_revisions (post_id, reason, title, slug, body_md, custom_excerpt, tags, saved_by, created_at)
                values (:post, :reason, :title, :slug, :md, :excerpt, :tags, :by, :now)
                returning id""")
                .bind("post", postId).bind("reason", reason.sql()).bind("title", title).bind("slug", slug)
                .bind("md", bodyMd).bind("excerpt", customExcerpt).bind("tags", String.join(", ", tags))
                .bind("by", savedBy).bind("now", now).mapTo(Long.class).one();
    }

    /** Deletes all but the newest {@code keep} autosaves of a post. */
    void pruneAutosaves(Handle h, long postId, int keep) {
        h.createUpdate("""
                delete from post_revisions where post_id = :post and reason = 'autosave' and id not in (
                    select id from post_revisions where post_id = :post and reason = 'autosave' order by id desc limit :keep)""")
                .bind("post", postId).bind("keep", keep).execute();
    }

    /** Newest first. */
    List<Revision> ofPost(Handle h, long postId, int limit) {
        return h.createQuery(COLUMNS + " where post_id = :post order by id desc limit :limit")
                .bind("post", postId).bind("limit", limit).map(RevisionStore::row).list();
    }

    int countOfPost(Handle h, long postId) {
        return h.createQuery("select count(*) from post_revisions where post_id = :post").bind("post", postId)
                .mapTo(Integer.class).one();
    }

    Optional<Revision> byId(Handle h, long postId, long id) {
        return h.createQuery(COLUMNS + " where post_id = :post and id = :id").bind("post", postId).bind("id", id)
                .map(RevisionStore::row).findOne();
    }

    Optional<Revision> latest(Handle h, long postId) {
        return h.createQuery(COLUMNS + " where post_id = :post order by id desc limit 1").bind("post", postId)
                .map(RevisionStore::row).findOne();
    }

    private static Revision row(ResultSet rs, StatementContext ctx) throws SQLException {
        String tags = rs.getString("tags");
        long by = rs.getLong("saved_by");
        Long savedBy = rs.wasNull() ? null : by;
        return new Revision(rs.getLong("id"), rs.getLong("post_id"),
                Revision.Reason.valueOf(rs.getString("reason").toUpperCase()), rs.getString("title"), rs.getString("slug"),
                rs.getString("body_md"), rs.getString("custom_excerpt"),
                tags.isBlank() ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList(),
                savedBy, Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
