package dev.kioku.comments;

import dev.kioku.db.PlainReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for comments, their followers and "new posts" requests. One method per query. */
final class CommentStore {
    /** A comment's columns; {@link #commentOf} reads them by position, so a column added goes at the end. */
    private static final String COLUMNS = """
            select c.id, c.post_id, c.parent_id, c.depth, c.status, c.author_name, c.author_email, c.author_url,
                   c.staff_id, c.body_md, c.body_html, c.ip, c.user_agent, c.owner_hash, c.moderation_note,
                   c.created_at, c.updated_at, c.reader_id, r.avatar_url as reader_avatar_url
            from comments c
            left join readers r on r.id = c.reader_id
            """;

    /** What a new row holds; times and status are decided by the service. */
    record Row(long postId, Long parentId, int depth, CommentStatus status, String name, String email, String url,
               Long staffId, String bodyMd, String bodyHtml, String ip, String userAgent, String ownerHash,
               String moderationNote, Instant now, Long readerId) {
        /** A guest's or staff member's row. */
        Row(long postId, Long parentId, int depth, CommentStatus status, String name, String email, String url,
            Long staffId, String bodyMd, String bodyHtml, String ip, String userAgent, String ownerHash,
            String moderationNote, Instant now) {
            this(postId, parentId, depth, status, name, email, url, staffId, bodyMd, bodyHtml, ip, userAgent, ownerHash,
                    moderationNote, now, null);
        }

        /** The comment this row became under {@code id}: what {@link #byId} would read back (times to the millisecond). */
        Comment stored(long id, String readerAvatarUrl) {
            Instant at = Instant.ofEpochMilli(now.toEpochMilli());
            return new Comment(id, postId, parentId, depth, status, name, email, url, staffId, bodyMd, bodyHtml, ip, userAgent,
                    ownerHash, moderationNote, at, at, readerId, readerId == null ? null : readerAvatarUrl);
        }
    }

    long insert(Handle h, Row r) {
        return h.createQuery("""
                insert into comments (post_id, parent_id, depth, status, author_name, author_email, author_url, staff_id,
                                      body_md, body_html, ip, user_agent, owner_hash, moderation_note, created_at, updated_at,
                                      approved_at, reader_id)
                values (:post, :parent, :depth, :status, :name, :email, :url, :staff, :md, :html, :ip, :ua, :owner,
                        :note, :now, :now, case when :status = 'approved' then :now end, :reader)
                returning id
                """).bind("post", r.postId()).bind("parent", r.parentId()).bind("depth", r.depth())
                .bind("status", r.status().sql()).bind("name", r.name()).bind("email", r.email()).bind("url", r.url())
                .bind("staff", r.staffId()).bind("md", r.bodyMd()).bind("html", r.bodyHtml()).bind("ip", r.ip())
                .bind("ua", r.userAgent()).bind("owner", r.ownerHash()).bind("note", r.moderationNote())
                .bind("now", r.now()).bind("reader", r.readerId()).mapTo(Long.class).one();
    }

    /** Inserts rows whose ids the caller reserved ({@link Comments.ImportIds}), in one JDBC batch, in list order. */
    void insertBatch(Handle h, java.util.List<Long> ids, java.util.List<Row> rows) {
        if (rows.isEmpty()) return;
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("""
                insert into comments (id, post_id, parent_id, depth, status, author_name, author_email, author_url, staff_id,
                                      body_md, body_html, ip, user_agent, created_at, updated_at, approved_at)
                values (:id, :post, :parent, :depth, :status, :name, :email, :url, null, :md, :html, :ip, '', :now, :now,
                        case when :status = 'approved' then :now end)""");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            batch.bind("id", ids.get(i)).bind("post", r.postId()).bindByType("parent", r.parentId(), Long.class).bind("depth", r.depth())
                    .bind("status", r.status().sql()).bind("name", r.name()).bind("email", r.email())
                    .bindByType("url", r.url(), String.class).bind("md", r.bodyMd()).bind("html", r.bodyHtml()).bind("ip", r.ip())
                    .bind("now", r.now()).add();
        }
        batch.execute();
    }

    /** The largest comment id ever handed out (SQLite keeps it in sqlite_sequence: AUTOINCREMENT never reuses one). */
    long highestIdSqlite(Handle h) {
        long max = h.createQuery("select coalesce(max(id), 0) from comments").mapTo(Long.class).one();
        long seq = h.createQuery("select coalesce(max(seq), 0) from sqlite_sequence where name = 'comments'").mapTo(Long.class).one();
        return Math.max(max, seq);
    }

    /** {@code n} fresh ids from PostgreSQL's identity sequence (not necessarily consecutive). */
    java.util.List<Long> nextIdsPostgres(Handle h, int n) {
        return h.createQuery("select nextval(pg_get_serial_sequence('comments', 'id')) from generate_series(1, :n)")
                .bind("n", n).mapTo(Long.class).list();
    }

    Optional<Comment> byId(Handle h, long id) {
        return h.createQuery(COLUMNS + " where c.id = :id").bind("id", id).map(CommentStore::row).findOne();
    }

    List<Comment> byIds(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery(COLUMNS + " where c.id in (<ids>) order by c.id").bindList("ids", List.copyOf(ids))
                .map(CommentStore::row).list();
    }

    /** Approved comments of a post, oldest first: the thread readers see. */
    List<Comment> approved(Handle h, long postId) {
        return PlainReads.list(h, COLUMNS + " where c.post_id = ? and c.status = 'approved' order by c.created_at, c.id",
                CommentStore::commentOf, postId);
    }

    /** A browser's own comments on a post that readers do not see yet, oldest first. */
    List<Comment> heldFor(Handle h, long postId, String ownerHash) {
        return h.createQuery(COLUMNS + """
                 where c.post_id = :post and c.owner_hash = :owner and c.status in ('pending', 'spam') order by c.created_at, c.id
                """).bind("post", postId).bind("owner", ownerHash).map(CommentStore::row).list();
    }

    /** A browser's own comments on a post written since {@code since}, any status but trash. */
    List<Comment> ownedSince(Handle h, long postId, String ownerHash, Instant since) {
        return h.createQuery(COLUMNS + """
                 where c.post_id = :post and c.owner_hash = :owner and c.status in ('pending', 'approved')
                   and c.created_at >= :since order by c.created_at, c.id
                """).bind("post", postId).bind("owner", ownerHash).bind("since", since).map(CommentStore::row).list();
    }

    Map<Long, Integer> approvedCounts(Handle h, Collection<Long> postIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (postIds.isEmpty()) return counts;
        h.createQuery("select post_id, count(*) from comments where status = 'approved' and post_id in (<ids>) group by post_id")
                .bindList("ids", List.copyOf(postIds))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Whether someone with this email and name (as WordPress compares them) had a comment approved before. */
    boolean hasApproved(Handle h, String email, String name) {
        return h.createQuery("""
                select count(*) from comments where author_email = :email and author_name = :name and status = 'approved'
                """).bind("email", email).bind("name", name).mapTo(Integer.class).one() > 0;
    }

    /** Whether this signed-in reader had a comment approved before (whatever name or address it showed). */
    boolean readerHasApproved(Handle h, long readerId) {
        return h.createQuery("select count(*) from comments where reader_id = :reader and status = 'approved'")
                .bind("reader", readerId).mapTo(Integer.class).one() > 0;
    }

    /**
     * Whether the post is still a published post with comments on, checked again inside the comment's transaction.
     * {@code lockRow} (PostgreSQL, where writers run side by side) holds the post row until commit, so closing the
     * post waits for this comment or this comment sees it closed, and two comments on one post take turns: the
     * second one's duplicate check (a fresh snapshot under read committed) sees the first once it has committed.
     * ({@code for share} let both through at once, and the same comment sent twice was stored twice.)
     * {@code no key update} still lets rows that only reference the post (the comment itself) be written.
     */
    boolean acceptsComments(Handle h, long postId, boolean lockRow) {
        return h.createQuery("""
                select id from posts where id = :post and kind = 'post' and status = 'published' and comments_open = :open
                """ + (lockRow ? " for no key update" : "")).bind("post", postId).bind("open", true).mapTo(Long.class).findOne().isPresent();
    }

    boolean sameBodyExists(Handle h, long postId, String email, String bodyMd) {
        return h.createQuery("""
                select count(*) from comments
                where post_id = :post and author_email = :email and body_md = :md and status <> 'trash'
                """).bind("post", postId).bind("email", email).bind("md", bodyMd).mapTo(Integer.class).one() > 0;
    }

    void setStatus(Handle h, long id, CommentStatus status, Instant now) {
        h.createUpdate("""
                update comments set status = :status, updated_at = :now,
                       approved_at = case when approved_at is null and :status = 'approved' then :now else approved_at end
                where id = :id
                """).bind("status", status.sql()).bind("now", now).bind("id", id).execute();
    }

    /** Whether readers have ever seen this comment (followers were told then). */
    boolean everApproved(Handle h, long id) {
        return h.createQuery("select count(*) from comments where id = :id and approved_at is not null").bind("id", id)
                .mapTo(Integer.class).one() > 0;
    }

    void update(Handle h, long id, String name, String email, String url, String bodyMd, String bodyHtml, Instant now) {
        h.createUpdate("""
                update comments set author_name = :name, author_email = :email, author_url = :url, body_md = :md,
                       body_html = :html, updated_at = :now
                where id = :id
                """).bind("name", name).bind("email", email).bind("url", url).bind("md", bodyMd).bind("html", bodyHtml)
                .bind("now", now).bind("id", id).execute();
    }

    void delete(Handle h, long id) {
        h.createUpdate("delete from comments where id = :id").bind("id", id).execute();
    }

    /** Every comment a signed-in reader wrote, whatever its status, newest first. */
    List<Comment> byReader(Handle h, long readerId) {
        return h.createQuery(COLUMNS + " where c.reader_id = :reader order by c.created_at desc, c.id desc")
                .bind("reader", readerId).map(CommentStore::row).list();
    }

    /** Makes a reader's comments guest comments: same name, address and website, no identity behind them. */
    void detachReader(Handle h, long readerId) {
        h.createUpdate("update comments set reader_id = null where reader_id = :reader").bind("reader", readerId).execute();
    }

    /** One page of the moderation queue, newest first; {@code authorId} limits it to that author's posts. */
    List<Comment> queue(Handle h, CommentStatus status, Long authorId, int offset, int limit) {
        return h.createQuery(COLUMNS + """
                 join posts p on p.id = c.post_id
                 where c.status = :status and (cast(:author as bigint) is null or p.author_id = :author)
                 order by c.created_at desc, c.id desc limit :limit offset :offset
                """).bind("status", status.sql()).bind("author", authorId).bind("limit", limit).bind("offset", offset)
                .map(CommentStore::row).list();
    }

    Map<CommentStatus, Integer> queueCounts(Handle h, Long authorId) {
        Map<CommentStatus, Integer> counts = new HashMap<>();
        for (CommentStatus s : CommentStatus.values()) counts.put(s, 0);
        h.createQuery("""
                select c.status, count(*) from comments c join posts p on p.id = c.post_id
                where cast(:author as bigint) is null or p.author_id = :author
                group by c.status
                """).bind("author", authorId)
                .map((rs, ctx) -> Map.entry(CommentStatus.of(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The newest approved comments on public posts, for the site's comment feed. */
    List<Comment> latestApproved(Handle h, int limit) {
        return h.createQuery(COLUMNS + """
                 join posts p on p.id = c.post_id
                 where c.status = 'approved' and p.status = 'published'
                 order by c.created_at desc, c.id desc limit :limit
                """).bind("limit", limit).map(CommentStore::row).list();
    }

    /** The email of a staff account (the post's author, told of new comments), or empty when it is gone. */
    Optional<String> staffEmail(Handle h, long userId) {
        return h.createQuery("select email from users where id = :id").bind("id", userId).mapTo(String.class).findOne();
    }

    // ---- followers

    void follow(Handle h, long postId, String email, String token, Instant now) {
        h.createUpdate("""
                insert into comment_followers (post_id, email, token, created_at) values (:post, :email, :token, :now)
                on conflict (post_id, email) do nothing
                """).bind("post", postId).bind("email", email).bind("token", token).bind("now", now).execute();
    }

    /** Followers of a post whose own comment there was approved: nobody can sign up a stranger's address. */
    List<Follower> followers(Handle h, long postId) {
        return h.createQuery("""
                select f.email, f.token from comment_followers f
                where f.post_id = :post
                  and exists (select 1 from comments c where c.post_id = f.post_id and c.author_email = f.email
                              and c.status = 'approved')
                order by f.created_at
                """).bind("post", postId).map((rs, ctx) -> new Follower(rs.getString(1), rs.getString(2))).list();
    }

    record Follower(String email, String token) {
    }

    Optional<Long> followedPost(Handle h, String token) {
        return h.createQuery("select post_id from comment_followers where token = :token").bind("token", token)
                .mapTo(Long.class).findOne();
    }

    void unfollow(Handle h, String token) {
        h.createUpdate("delete from comment_followers where token = :token").bind("token", token).execute();
    }

    private static Comment row(ResultSet rs, StatementContext ctx) throws SQLException {
        return commentOf(rs);
    }

    private static Comment commentOf(ResultSet rs) throws SQLException {
        // by position in COLUMNS: sqlite-jdbc finds a column by name with a linear, case-insensitive search per statement
        long parent = rs.getLong(3);
        Long parentId = rs.wasNull() ? null : parent;
        long staff = rs.getLong(9);
        Long staffId = rs.wasNull() ? null : staff;
        long reader = rs.getLong(18);
        Long readerId = rs.wasNull() ? null : reader;
        return new Comment(rs.getLong(1), rs.getLong(2), parentId, rs.getInt(4),
                CommentStatus.of(rs.getString(5)), rs.getString(6), rs.getString(7),
                rs.getString(8), staffId, rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                Instant.ofEpochMilli(rs.getLong(16)), Instant.ofEpochMilli(rs.getLong(17)), readerId,
                rs.getString(19));
    }
}
