package dev.kioku.content;

import dev.kioku.db.PlainReads;
import dev.kioku.markdown.Rendered;
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
import org.jdbi.v3.core.statement.Query;

/** SQL for posts, pages, their tags and old-URL redirects. One method per query. */
final class PostStore {
    /** A post's columns; {@link #postOf} reads them by position, so a column added goes at the end. */
    private static final String COLUMNS = """
            select p.id, p.kind, p.title, p.slug, p.body_md, p.body_html, p.excerpt, p.words, p.status, p.published_at,
                   p.created_at, p.updated_at, p.author_id, p.featured_media_id, p.comments_open,
                   p.review_title, p.review_year, p.review_creator, p.review_kind, p.review_url, p.review_rating,
                   p.custom_excerpt, p.version,
                   case when p.kind = 'post' and exists (select 1 from posts pg where pg.kind = 'page' and pg.slug = p.slug
                                                          and pg.status = 'published') then 1 else 0 end as shares_slug
            from posts p
            """;
    private static final String PUBLIC_POSTS = " p.kind = 'post' and p.status = 'published' ";
    private static final String NEWEST_FIRST = " order by p.published_at desc, p.id desc limit :limit offset :offset";

    long insert(Handle h, PostDraft d, String slug, Rendered r, Instant now) {
        return h.createQuery("""
                insert into posts (kind, title, slug, body_md, body_html, excerpt, words, status, created_at, updated_at,
                                   author_id, featured_media_id, comments_open, review_title, review_year, review_creator, review_kind,
                                   review_url, review_rating, custom_excerpt)
                values (:kind, :title, :slug, :md, :html, :excerpt, :words, 'draft', :now, :now,
                        :author, :featured, :comments, :rTitle, :rYear, :rCreator, :rKind, :rUrl, :rRating, :customExcerpt)
                returning id
                """).bindMap(draftParams(d, slug, r)).bind("now", now).mapTo(Long.class).one();
    }

    long insertImported(Handle h, ImportedPost p, String slug, Rendered r) {
        Post.Review rv = p.review();
        return h.createQuery("""
                insert into posts (kind, title, slug, body_md, body_html, excerpt, words, status, published_at, created_at,
                                   updated_at, author_id, featured_media_id, comments_open, custom_excerpt, review_title,
                                   review_year, review_creator, review_kind, review_url, review_rating)
                values (:kind, :title, :slug, :md, :html, :excerpt, :words, :status, :published, :created, :updated,
                        :author, :featured, :comments, :customExcerpt, :rTitle, :rYear, :rCreator, :rKind, :rUrl, :rRating)
                returning id
                """).bind("kind", p.kind().sql()).bind("title", p.title()).bind("slug", slug).bind("md", p.bodyMd())
                .bind("html", r.html()).bind("excerpt", p.excerpt() != null ? p.excerpt() : r.excerpt())
                .bind("words", r.words()).bind("status", p.status().sql()).bind("published", p.publishedAt())
                .bind("created", p.createdAt()).bind("updated", p.updatedAt() == null ? p.createdAt() : p.updatedAt())
                .bind("author", p.authorId()).bind("featured", p.featuredMediaId()).bind("comments", p.commentsOpen())
                .bind("customExcerpt", p.excerpt())
                .bind("rTitle", rv == null ? null : rv.title()).bindByType("rYear", rv == null ? null : rv.year(), Integer.class)
                .bind("rCreator", rv == null ? null : rv.creator())
                .bind("rKind", rv == null || rv.kind() == null ? null : rv.kind().schemaType()).bind("rUrl", rv == null ? null : rv.url())
                .bindByType("rRating", rv == null ? null : rv.rating(), Integer.class).mapTo(Long.class).one();
    }

    /** Every slug in use by a post or page. */
    java.util.Set<String> allSlugs(Handle h) {
        return new java.util.HashSet<>(h.createQuery("select slug from posts").mapTo(String.class).list());
    }

    void update(Handle h, long id, PostDraft d, String slug, Rendered r, Instant now) {
        h.createUpdate("""
                update posts set title = :title, slug = :slug, body_md = :md, body_html = :html, excerpt = :excerpt,
                       words = :words, updated_at = :now, author_id = :author, featured_media_id = :featured,
                       comments_open = :comments, review_title = :rTitle, review_year = :rYear,
                       review_creator = :rCreator, review_kind = :rKind, review_url = :rUrl,
                       review_rating = :rRating, custom_excerpt = :customExcerpt,
                       version = version + 1
                where id = :id
                """).bindMap(draftParams(d, slug, r)).bind("now", now).bind("id", id).execute();
    }

    void setStatus(Handle h, long id, Status status, Instant publishedAt, Instant now) {
        h.createUpdate("update posts set status = :status, published_at = :at, updated_at = :now where id = :id")
                .bind("status", status.sql()).bind("at", publishedAt).bind("now", now).bind("id", id).execute();
    }

    private static Map<String, Object> draftParams(PostDraft d, String slug, Rendered r) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", d.kind().sql());
        m.put("title", d.title());
        m.put("slug", slug);
        m.put("md", d.bodyMd());
        m.put("html", r.html());
        m.put("excerpt", d.excerpt() != null ? d.excerpt() : r.excerpt());
        m.put("customExcerpt", d.excerpt());
        m.put("words", r.words());
        m.put("author", d.authorId());
        m.put("featured", d.featuredMediaId());
        m.put("comments", d.commentsOpen());
        Post.Review rv = d.review();
        m.put("rTitle", rv == null ? null : rv.title());
        m.put("rYear", rv == null ? null : rv.year());
        m.put("rCreator", rv == null ? null : rv.creator());
        m.put("rKind", rv == null || rv.kind() == null ? null : rv.kind().schemaType());
        m.put("rUrl", rv == null ? null : rv.url());
        m.put("rRating", rv == null ? null : rv.rating());
        return m;
    }

    Optional<Post> byId(Handle h, long id) {
        return one(h, COLUMNS + " where p.id = ?", id);
    }

    Optional<Post> bySlug(Handle h, Kind kind, String slug) {
        return one(h, COLUMNS + " where p.kind = ? and p.slug = ?", kind.sql(), slug);
    }

    /** The first post {@code sql} finds, with its tags: plain JDBC, as every post page asks (see {@link PlainReads}). */
    private Optional<Post> one(Handle h, String sql, Object... values) {
        return PlainReads.list(h, sql, PostStore::postOf, values).stream().findFirst().map(p -> p.withTags(tagsOf(h, p.id())));
    }

    /** True when a post or page other than {@code exceptId} has this slug. */
    boolean slugTaken(Handle h, String slug, long exceptId) {
        return h.createQuery("select count(*) from posts where slug = :slug and id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    /** A post or page other than {@code exceptId} with this slug (a page first), or empty. */
    Optional<Post> otherWithSlug(Handle h, String slug, long exceptId) {
        return h.createQuery(COLUMNS + " where p.slug = :slug and p.id <> :id order by p.kind, p.id limit 1")
                .bind("slug", slug).bind("id", exceptId).map(PostStore::row).findOne();
    }

    List<Post> latest(Handle h, int offset, int limit) {
        return list(h, h.createQuery(COLUMNS + " where" + PUBLIC_POSTS + NEWEST_FIRST), offset, limit);
    }

    int countPublic(Handle h) {
        return h.createQuery("select count(*) from posts p where" + PUBLIC_POSTS).mapTo(Integer.class).one();
    }

    List<Post> byTag(Handle h, long tagId, int offset, int limit) {
        return list(h, h.createQuery(COLUMNS + " join post_tags pt on pt.post_id = p.id where pt.tag_id = :tag and"
                + PUBLIC_POSTS + NEWEST_FIRST).bind("tag", tagId), offset, limit);
    }

    int countByTag(Handle h, long tagId) {
        return h.createQuery("select count(*) from posts p join post_tags pt on pt.post_id = p.id where pt.tag_id = :tag and"
                + PUBLIC_POSTS).bind("tag", tagId).mapTo(Integer.class).one();
    }

    List<Post> byAuthor(Handle h, long authorId, int offset, int limit) {
        return list(h, h.createQuery(COLUMNS + " where p.author_id = :author and" + PUBLIC_POSTS + NEWEST_FIRST)
                .bind("author", authorId), offset, limit);
    }

    int countByAuthor(Handle h, long authorId) {
        return h.createQuery("select count(*) from posts p where p.author_id = :author and" + PUBLIC_POSTS)
                .bind("author", authorId).mapTo(Integer.class).one();
    }

    List<Post> between(Handle h, Instant from, Instant to, int offset, int limit) {
        return list(h, h.createQuery(COLUMNS + " where p.published_at >= :from and p.published_at < :to and"
                + PUBLIC_POSTS + NEWEST_FIRST).bind("from", from).bind("to", to), offset, limit);
    }

    int countBetween(Handle h, Instant from, Instant to) {
        return h.createQuery("select count(*) from posts p where p.published_at >= :from and p.published_at < :to and"
                + PUBLIC_POSTS).bind("from", from).bind("to", to).mapTo(Integer.class).one();
    }

    /** A post without its text: what a link to it needs (neighbours, series parts); read by position ({@link #briefOf}). */
    private static final String BRIEF = """
            select p.id, p.kind, p.title, p.slug, p.status, p.published_at, p.created_at, p.excerpt,
                   case when p.kind = 'post' and exists (select 1 from posts pg where pg.kind = 'page' and pg.slug = p.slug
                                                          and pg.status = 'published') then 1 else 0 end as shares_slug
            from posts p
            """;

    /**
     * The public posts just older and newer than a post published at {@code at}, in one statement. Each half
     * bounds {@code published_at} on one side first although the second condition implies it: without that
     * bound SQLite walks the index instead of seeking (1.3 ms instead of 0.1 ms a half with 10,000 posts).
     */
    Posts.Neighbours neighbours(Handle h, Instant at, long id) {
        Posts.Brief[] found = new Posts.Brief[2];
        PlainReads.list(h, "select * from (" + BRIEF + " where" + PUBLIC_POSTS + """
                 and p.published_at <= ? and (p.published_at < ? or (p.published_at = ? and p.id < ?))
                 order by p.published_at desc, p.id desc limit 1) older
                union all
                select * from (""" + BRIEF + " where" + PUBLIC_POSTS + """
                 and p.published_at >= ? and (p.published_at > ? or (p.published_at = ? and p.id > ?))
                 order by p.published_at asc, p.id asc limit 1) newer""", PostStore::briefOf, at, at, at, id, at, at, at, id)
                .forEach(b -> found[b.publishedAt().isBefore(at) || (b.publishedAt().equals(at) && b.id() < id) ? 0 : 1] = b);
        return new Posts.Neighbours(found[0], found[1]);
    }

    /** Posts by id whatever their status, without their text; missing ids are left out. */
    List<Posts.Brief> briefs(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery(BRIEF + " where p.id in (<ids>)").bindList("ids", new ArrayList<>(ids)).map(PostStore::brief).list();
    }

    List<Post> publicPages(Handle h) {
        return h.createQuery(COLUMNS + " where p.kind = 'page' and p.status = 'published' order by p.slug, p.id")
                .map(PostStore::row).list();
    }

    // ---- the sitemap: addresses and times only, never the text

    List<Posts.Listed> listed(Handle h, Kind kind, int offset, int limit) {
        return h.createQuery("""
                select p.id, p.kind, p.slug, p.published_at, p.created_at, p.updated_at,
                       case when p.kind = 'post' and exists (select 1 from posts pg where pg.kind = 'page' and pg.slug = p.slug
                                                              and pg.status = 'published') then 1 else 0 end as shares_slug
                from posts p where p.kind = :kind and p.status = 'published'
                order by p.id limit :limit offset :offset""")
                .bind("kind", kind.sql()).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Posts.Listed(rs.getLong("id"), Kind.valueOf(rs.getString("kind").toUpperCase()),
                        rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("published_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getInt("shares_slug") == 1)).list();
    }

    int countPublic(Handle h, Kind kind) {
        return h.createQuery("select count(*) from posts where kind = :kind and status = 'published'")
                .bind("kind", kind.sql()).mapTo(Integer.class).one();
    }

    /** Tags with at least one public post, by slug, with the newest change among those posts. */
    List<Posts.InUse<Tag>> tagsInUse(Handle h) {
        return h.createQuery("""
                select t.id, t.slug, t.name, max(p.updated_at) as changed
                from tags t join post_tags pt on pt.tag_id = t.id join posts p on p.id = pt.post_id
                where""" + PUBLIC_POSTS + """
                group by t.id, t.slug, t.name order by t.slug""")
                .map((rs, ctx) -> new Posts.InUse<>(tag(rs, ctx), Instant.ofEpochMilli(rs.getLong("changed")))).list();
    }

    /** Authors of at least one public post, by id, with the newest change among their posts. */
    List<Posts.InUse<Long>> authorsInUse(Handle h) {
        return h.createQuery("select p.author_id, max(p.updated_at) from posts p where" + PUBLIC_POSTS
                        + "group by p.author_id order by p.author_id")
                .map((rs, ctx) -> new Posts.InUse<>(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)))).list();
    }

    List<Post> byIds(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery(COLUMNS + " where p.id in (<ids>)").bindList("ids", new ArrayList<>(ids))
                .map(PostStore::row).list();
    }

    List<Post> adminList(Handle h, Kind kind, Status status, String search, Long authorId, int offset, int limit) {
        return list(h, h.createQuery(COLUMNS + ADMIN_FILTER + " order by p.updated_at desc, p.id desc limit :limit offset :offset")
                .bindMap(adminParams(kind, status, search, authorId)), offset, limit);
    }

    int adminCount(Handle h, Kind kind, Status status, String search, Long authorId) {
        return h.createQuery("select count(*) from posts p" + ADMIN_FILTER).bindMap(adminParams(kind, status, search, authorId))
                .mapTo(Integer.class).one();
    }

    /**
     * Filters are fixed SQL with nullable parameters, never strings built from input. LIKE escapes with
     * {@code !}, not a backslash: Jdbi's SQL lexer reads {@code '\'} as an unterminated quote, and the named
     * parameters after it were then sent to PostgreSQL unbound (a syntax error; SQLite happened to cope).
     */
    private static final String ADMIN_FILTER = """
             where p.kind = :kind
               and (cast(:status as text) is null or p.status = :status)
               and (cast(:author as bigint) is null or p.author_id = :author)
               and (cast(:search as text) is null
                    or lower(p.title) like :search escape '!' or lower(p.body_md) like :search escape '!')
            """;

    private static Map<String, Object> adminParams(Kind kind, Status status, String search, Long authorId) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind.sql());
        m.put("status", status == null ? null : status.sql());
        m.put("author", authorId);
        m.put("search", search == null || search.isBlank() ? null
                : "%" + likeEscaped(search.strip().toLowerCase()) + "%");
        return m;
    }

    /** Scheduled posts and pages whose time is {@code now} or earlier, oldest first. */
    List<Long> dueIds(Handle h, Instant now) {
        return h.createQuery("select id from posts where status = 'scheduled' and published_at <= :now order by published_at, id")
                .bind("now", now).mapTo(Long.class).list();
    }

    // ---- private preview links

    Optional<String> previewToken(Handle h, long id) {
        return h.createQuery("select preview_token from posts where id = :id").bind("id", id)
                .mapTo(String.class).findOne().filter(t -> t != null);
    }

    /** Sets the token unless the post already has one. */
    void setPreviewToken(Handle h, long id, String token) {
        h.createUpdate("update posts set preview_token = :token where id = :id and preview_token is null")
                .bind("token", token).bind("id", id).execute();
    }

    Optional<Post> byPreviewToken(Handle h, String token) {
        return withTags(h, h.createQuery(COLUMNS + " where p.preview_token = :token").bind("token", token)
                .map(PostStore::row).list()).stream().findFirst();
    }

    /** Text for a LIKE pattern with {@code escape '!'}: its own %, _ and ! match themselves. */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    long countAll(Handle h) {
        return h.createQuery("select count(*) from posts").mapTo(Long.class).one();
    }

    // ---- tags

    /** A post's tags by slug: plain JDBC, as every post page asks (see {@link PlainReads}). */
    private List<Tag> tagsOf(Handle h, long postId) {
        return PlainReads.list(h, """
                select t.id, t.slug, t.name from post_tags pt join tags t on t.id = pt.tag_id
                where pt.post_id = ? order by t.slug""", PostStore::tagOf, postId);
    }

    /** Tags whose name or slug starts with {@code prefix} (any case), most used first. */
    List<Tag> tagsStartingWith(Handle h, String prefix, int limit) {
        String like = likeEscaped(prefix.toLowerCase()) + "%";
        return h.createQuery("""
                select t.id, t.slug, t.name from tags t left join post_tags pt on pt.tag_id = t.id
                where lower(t.name) like :like escape '!' or t.slug like :like escape '!'
                group by t.id, t.slug, t.name
                order by count(pt.post_id) desc, t.slug limit :limit""")
                .bind("like", like).bind("limit", limit).map(PostStore::tag).list();
    }

    Optional<Tag> tagBySlug(Handle h, String slug) {
        return h.createQuery("select id, slug, name from tags where slug = :slug").bind("slug", slug)
                .map(PostStore::tag).findOne();
    }

    long ensureTag(Handle h, String slug, String name) {
        h.createUpdate("insert into tags (slug, name) values (:slug, :name) on conflict (slug) do nothing")
                .bind("slug", slug).bind("name", name).execute();
        return h.createQuery("select id from tags where slug = :slug").bind("slug", slug).mapTo(Long.class).one();
    }

    void replaceTags(Handle h, long postId, Collection<Long> tagIds) {
        h.createUpdate("delete from post_tags where post_id = :id").bind("id", postId).execute();
        for (long tagId : tagIds) {
            h.createUpdate("insert into post_tags (post_id, tag_id) values (:post, :tag) on conflict do nothing")
                    .bind("post", postId).bind("tag", tagId).execute();
        }
    }

    // ---- redirects from old URLs

    void addRedirect(Handle h, String fromPath, long postId) {
        h.createUpdate("""
                insert into redirects (from_path, post_id) values (:path, :id)
                on conflict (from_path) do update set post_id = excluded.post_id""")
                .bind("path", fromPath).bind("id", postId).execute();
    }

    void removeRedirect(Handle h, String fromPath) {
        h.createUpdate("delete from redirects where from_path = :path").bind("path", fromPath).execute();
    }

    Optional<Long> redirectTarget(Handle h, String fromPath) {
        return h.createQuery("select post_id from redirects where from_path = :path").bind("path", fromPath)
                .mapTo(Long.class).findOne();
    }

    List<Posts.ImageUse> imageUses(Handle h, long mediaId, String path) {
        String like = "%" + likeEscaped(path) + "%";
        return h.createQuery("""
                select id, kind, title, case when featured_media_id = :media then 1 else 0 end as featured from posts
                where featured_media_id = :media or body_md like :like escape '!'
                order by id""").bind("media", mediaId).bind("like", like)
                .map((rs, ctx) -> new Posts.ImageUse(rs.getLong(1), Kind.valueOf(rs.getString(2).toUpperCase()),
                        rs.getString(3), rs.getInt(4) == 1)).list();
    }

    /** Text matched literally by {@code like ... escape '!'}. */
    private List<Post> list(Handle h, Query q, int offset, int limit) {
        return withTags(h, q.bind("offset", offset).bind("limit", limit).map(PostStore::row).list());
    }

    /** Loads the tags of many posts in one query. */
    static List<Post> withTags(Handle h, List<Post> posts) {
        if (posts.isEmpty()) return posts;
        Map<Long, List<Tag>> byPost = new HashMap<>();
        h.createQuery("""
                select pt.post_id, t.id, t.slug, t.name from post_tags pt join tags t on t.id = pt.tag_id
                where pt.post_id in (<ids>) order by t.slug""")
                .bindList("ids", posts.stream().map(Post::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Tag(rs.getLong(2), rs.getString(3), rs.getString(4))))
                .forEach(e -> byPost.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return posts.stream().map(p -> p.withTags(byPost.getOrDefault(p.id(), List.of()))).toList();
    }

    private static Tag tag(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return tagOf(rs);
    }

    private static Tag tagOf(ResultSet rs) throws SQLException {
        return new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)); // t.id, t.slug, t.name first
    }

    private static Posts.Brief brief(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return briefOf(rs);
    }

    private static Posts.Brief briefOf(ResultSet rs) throws SQLException {
        // by position in BRIEF: sqlite-jdbc finds a column by name with a linear, case-insensitive search per statement
        long published = rs.getLong(6);
        Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
        return new Posts.Brief(rs.getLong(1), Kind.valueOf(rs.getString(2).toUpperCase()), rs.getString(3),
                rs.getString(4), Status.valueOf(rs.getString(5).toUpperCase()), publishedAt,
                Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getInt(9) == 1);
    }

    private static Post row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return postOf(rs);
    }

    private static Post postOf(ResultSet rs) throws SQLException {
        // by position in COLUMNS (see briefOf)
        String reviewTitle = rs.getString(16);
        int year = rs.getInt(17);
        Integer reviewYear = rs.wasNull() ? null : year;
        int rating = rs.getInt(21);
        Integer reviewRating = rs.wasNull() ? null : rating;
        long featured = rs.getLong(14);
        Long featuredId = rs.wasNull() ? null : featured;
        long published = rs.getLong(10);
        Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
        return new Post(rs.getLong(1), Kind.valueOf(rs.getString(2).toUpperCase()), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), Status.valueOf(rs.getString(9).toUpperCase()), publishedAt,
                Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)),
                rs.getLong(13), featuredId, rs.getBoolean(15),
                reviewTitle == null || reviewTitle.isBlank() ? null : new Post.Review(reviewTitle, reviewYear,
                        rs.getString(18), ReviewKind.of(rs.getString(19)).orElse(null),
                        rs.getString(20), reviewRating),
                List.of(), rs.getString(22), rs.getLong(23), rs.getInt(24) == 1);
    }
}
