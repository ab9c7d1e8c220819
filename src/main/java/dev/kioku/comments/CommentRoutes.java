package dev.kioku.comments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.admin.Fields;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.feeds.Feed;
import dev.kioku.feeds.Feeds;
import dev.kioku.readers.Readers;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.Cookies;
import dev.kioku.web.Invalid;
import dev.kioku.web.Meta;
import dev.kioku.web.NotFound;
import dev.kioku.web.Page;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The reader side of comments: the form's POST, the tiny JSON calls the post page's script makes (form token,
 * "my comments"), the no-script reply page, editing one's own comment for a few minutes, pages 2+ of long
 * threads, {@code /comments/ID} links, and one-click unsubscribe from follow-up emails.
 *
 * <p>Why cookies: the post page is the same cached bytes for every reader. Who wrote which comment is a random
 * token in an HttpOnly cookie ({@value #OWNER_COOKIE}); {@value #MARK_COOKIE} (readable by the script) only
 * says "ask the server about my comments"; {@value #AUTHOR_COOKIE} holds the name, email and website a reader
 * asked this browser to remember, for the script to fill in.
 */
public final class CommentRoutes implements Routes {
    static final String OWNER_COOKIE = "kioku_commenter";
    static final String MARK_COOKIE = "kioku_commented";
    static final String AUTHOR_COOKIE = "kioku_comment_author";
    private static final int YEAR = 365 * 24 * 3600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FORM_FIELDS = {"body", "name", "email", "url", "remember", "follow", "subscribe"};

    private final Comments comments;
    private final CommentThreads threads;
    private final Posts posts;
    private final SiteService site;
    private final Templates templates;
    private final Function<Post, String> permalinks;
    private final BiFunction<Post, CommentSection, byte[]> postPage;
    private final Readers readers;

    /**
     * @param postPage renders a post page (uncached) with this comment section: the refused form, kept as typed
     * @param readers who is signed in: a signed-in reader comments under their identity
     */
    public CommentRoutes(Comments comments, CommentThreads threads, Posts posts, SiteService site, Templates templates,
                         Function<Post, String> permalinks, BiFunction<Post, CommentSection, byte[]> postPage,
                         Readers readers) {
        this.readers = readers;
        this.comments = comments;
        this.threads = threads;
        this.posts = posts;
        this.site = site;
        this.templates = templates;
        this.permalinks = permalinks;
        this.postPage = postPage;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.post("/comments", this::submit);
        r.get("/comments/token", this::token);
        r.get("/comments/mine", this::mine);
        r.get("/comments/unsubscribe/{token}", ctx -> unsubscribePage(ctx, false));
        r.post("/comments/unsubscribe/{token}", ctx -> unsubscribePage(ctx, true));
        Feeds.register(pages, "/comments/feed", (ctx, keys) -> siteFeed(keys));
        Feeds.register(pages, "/comments/{post}/feed", (ctx, keys) -> postFeed(number(ctx.pathParam("post")), keys));
        pages.page("/comments/{post}/page/{n}", this::threadPage);
        r.get("/comments/{id}/reply", this::replyPage);
        r.get("/comments/{id}/edit", ctx -> editPage(ctx, Fields.empty()));
        r.post("/comments/{id}/edit", this::edit);
        r.post("/comments/{id}/delete", this::delete);
        r.get("/comments/{id}", this::locate);
    }

    // ---- the form

    private void submit(Context ctx) {
        long postId = number(ctx.formParam("post"));
        Long parentId = ctx.formParam("parent") == null || ctx.formParam("parent").isBlank() ? null : number(ctx.formParam("parent"));
        Post post = comments.publicPost(postId);
        Fields typed = Fields.from(ctx, FORM_FIELDS);
        Submission s = new Submission(postId, parentId, typed.value("body"), typed.value("name"), typed.value("email"),
                typed.value("url"), !typed.value("follow").isEmpty(), !typed.value("subscribe").isEmpty(),
                ctx.formParam("homepage"), ctx.formParam("ft"), ctx.ip(), ctx.header("User-Agent"), ctx.header("Referer"),
                ctx.cookie(OWNER_COOKIE), readers.current(ctx).orElse(null));
        try {
            Comments.Posted posted = comments.submit(s, post);
            remember(ctx, posted, typed);
            Comment c = posted.comment();
            String where = c.isPublic() ? threads.location(c, post) : permalinks.apply(post) + "#comment-" + c.id();
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(where, io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Invalid e) {
            refuse(ctx, 422, post, parentId, typed.withErrors(e.fields()));
        } catch (Refused e) {
            refuse(ctx, e.status(), post, parentId, typed.withError("form", e.getMessage()));
        }
    }

    /** The form again, as typed, with the messages: under the comment replied to, or at the foot of the post. */
    private void refuse(Context ctx, int status, Post post, Long parentId, Fields form) {
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8");
        Comment parent = parentId == null ? null : comments.find(parentId).filter(c -> c.postId() == post.id() && c.isPublic()).orElse(null);
        if (parent == null) {
            ctx.result(postPage.apply(post, threads.section(post, site.settings(), 1, form)));
        } else {
            ctx.result(templates.render("comments/thread.jte", threadView(post, "Reply to " + parent.authorName(),
                    threads.replyTo(parent, post, site.settings(), form))));
        }
    }

    private void remember(Context ctx, Comments.Posted posted, Fields typed) {
        boolean secure = Cookies.secure(ctx);
        ctx.cookie(cookie(OWNER_COOKIE, posted.ownerToken(), true, secure, YEAR));
        ctx.cookie(cookie(MARK_COOKIE, "1", false, secure, YEAR));
        // a signed-in reader's details come from their identity; what a guest asked to keep stays as it was
        if (posted.comment().readerId() != null) return;
        if (!typed.value("remember").isEmpty()) {
            Comment c = posted.comment();
            Map<String, String> who = new LinkedHashMap<>();
            who.put("name", c.authorName());
            who.put("email", c.authorEmail());
            who.put("url", c.authorUrl() == null ? "" : c.authorUrl());
            ctx.cookie(cookie(AUTHOR_COOKIE, Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(json(who).getBytes(StandardCharsets.UTF_8)), false, secure, YEAR));
        } else {
            ctx.cookie(cookie(AUTHOR_COOKIE, "", false, secure, 0));
        }
    }

    private static Cookie cookie(String name, String value, boolean httpOnly, boolean secure, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setMaxAge(maxAge);
        c.setHttpOnly(httpOnly);
        c.setSecure(secure);
        c.setSameSite(SameSite.LAX);
        return c;
    }

    // ---- the script's calls

    private void token(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(json(Map.of("token", comments.formToken())));
    }

    /** This browser's held comments (as list items to insert) and which of its comments it may still change. */
    private void mine(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType("application/json");
        String owner = ctx.cookie(OWNER_COOKIE);
        String postParam = ctx.queryParam("post");
        if (owner == null || postParam == null || !postParam.matches("\\d{1,18}")) {
            ctx.result("{\"held\":[],\"editable\":[]}");
            return;
        }
        long postId = Long.parseLong(postParam);
        Post post = comments.publicPost(postId);
        int depth = comments.settings().threadDepth();
        List<Map<String, Object>> held = new ArrayList<>();
        for (Comment c : comments.held(postId, owner)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("parent", c.parentId());
            m.put("html", new String(templates.render("comments/comment.jte", threads.single(c, post, site.settings(), depth)),
                    StandardCharsets.UTF_8));
            held.add(m);
        }
        List<Map<String, Object>> editable = new ArrayList<>();
        for (Comment c : comments.editable(postId, owner)) {
            editable.add(Map.of("id", c.id(), "editUrl", "/comments/" + c.id() + "/edit/"));
        }
        ctx.result(json(Map.of("held", held, "editable", editable)));
    }

    // ---- pages

    private Page threadPage(Context ctx) {
        long postId = number(ctx.pathParam("post"));
        String n = ctx.pathParam("n");
        if (!n.matches("[1-9]\\d{0,5}")) throw new NotFound("comment page " + n);
        int page = Integer.parseInt(n);
        if (page == 1) throw new dev.kioku.web.Redirect(permalinks.apply(comments.publicPost(postId)) + "#comments");
        Post post = comments.publicPost(postId);
        CommentSection section = threads.section(post, site.settings(), page, Fields.empty());
        if (section.threads().isEmpty()) throw new NotFound("comment page " + page);
        Page rendered = new Page(templates.render("comments/thread.jte", threadView(post, "Comments, page " + page, section)),
                Set.of(dev.kioku.events.ChangeEvent.SITE, dev.kioku.events.ChangeEvent.NAV, "post:" + postId, Comments.key(postId)));
        return rendered;
    }

    // ---- feeds

    private Feed siteFeed(Set<String> keys) {
        Site s = site.site();
        keys.add(Comments.ANY);
        List<Comment> latest = comments.latest(s.settings().feedItems());
        Map<Long, Post> byId = posts.byIds(latest.stream().map(Comment::postId).distinct().toList());
        byId.keySet().forEach(id -> keys.add("post:" + id));
        List<Feed.Item> items = latest.stream().filter(c -> byId.containsKey(c.postId()))
                .map(c -> item(c, byId.get(c.postId()), s)).toList();
        return new Feed("Comments for " + s.title(), s.absolute("/"), s.absolute("/comments/feed/"), s.settings().tagline(),
                s.settings().language(), updated(items, Instant.EPOCH), items);
    }

    private Feed postFeed(long postId, Set<String> keys) {
        Post post = comments.publicPost(postId);
        Site s = site.site();
        keys.add("post:" + post.id());
        keys.add(Comments.key(post.id()));
        List<Comment> all = comments.approved(post.id());
        List<Feed.Item> items = all.reversed().stream().limit(s.settings().feedItems()).map(c -> item(c, post, s)).toList();
        return new Feed("Comments on: " + post.title(), s.absolute(permalinks.apply(post)), s.absolute(feedPath(post)),
                post.excerpt(), s.settings().language(), updated(items, post.publishedAt()), items);
    }

    /** The RSS address of a post's comment feed; Atom and JSON Feed are beside it ({@link dev.kioku.feeds.FeedFormat}). */
    public static String feedPath(Post post) {
        return "/comments/" + post.id() + "/feed/";
    }

    /** Autodiscovery links of a post's comment feed, for the post's page. */
    public static List<Meta.Alternate> feedAlternates(Site s, Post post) {
        return Feeds.alternates(s.title() + " » " + post.title() + " Comments", s.absolute(feedPath(post)));
    }

    /** One comment: "Comment on TITLE by NAME"; the commenter's email never leaves the database. */
    private Feed.Item item(Comment c, Post post, Site s) {
        String postUrl = s.absolute(permalinks.apply(post));
        return new Feed.Item(Feeds.commentId(s.base(), post.id(), c.id()), postUrl + "#comment-" + c.id(),
                "Comment on " + post.title() + " by " + c.authorName(), Feeds.absoluteHtml(c.bodyHtml(), postUrl), null,
                c.createdAt(), c.updatedAt(), new Feed.Person(c.authorName(), CommentRows.webAddress(c.authorUrl())), List.of(), null);
    }

    private static Instant updated(List<Feed.Item> items, Instant whenEmpty) {
        return items.stream().map(Feed.Item::updated).max(Instant::compareTo).orElse(whenEmpty == null ? Instant.EPOCH : whenEmpty);
    }

    private void replyPage(Context ctx) {
        Comment parent = comments.find(number(ctx.pathParam("id"))).filter(Comment::isPublic)
                .orElseThrow(() -> new NotFound("comment " + ctx.pathParam("id")));
        Post post = comments.publicPost(parent.postId());
        html(ctx, "comments/thread.jte", threadView(post, "Reply to " + parent.authorName(),
                threads.replyTo(parent, post, site.settings(), Fields.empty())));
    }

    private CommentPages.Thread threadView(Post post, String heading, CommentSection section) {
        Site s = site.site();
        return new CommentPages.Thread(s, Meta.website(heading + " · " + post.title() + " · " + s.title(), "", null),
                post.title(), permalinks.apply(post), section);
    }

    private void editPage(Context ctx, Fields form) {
        Comment c = own(ctx);
        Post post = comments.publicPost(c.postId());
        Site s = site.site();
        Fields shown = form.withDefaults(Map.of("body", c.bodyMd()));
        String until = java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                .withLocale(java.util.Locale.forLanguageTag(s.settings().language()))
                .format(c.createdAt().plus(Comments.EDIT_WINDOW).atZone(s.settings().timeZone()));
        html(ctx, "comments/edit.jte", new CommentPages.Edit(s, Meta.website("Edit your comment · " + s.title(), "", null),
                post.title(), permalinks.apply(post), threads.single(c, post, s.settings(), comments.settings().threadDepth()),
                shown, "/comments/" + c.id() + "/edit/", "/comments/" + c.id() + "/delete/", until));
    }

    private void edit(Context ctx) {
        Comment c = own(ctx);
        Fields typed = Fields.from(ctx, "body");
        try {
            Comment edited = comments.editOwn(c.id(), ctx.cookie(OWNER_COOKIE), typed.value("body"));
            Post post = comments.publicPost(edited.postId());
            String where = edited.isPublic() ? threads.location(edited, post) : permalinks.apply(post) + "#comment-" + edited.id();
            ctx.redirect(where, io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Invalid e) {
            ctx.status(422);
            editPage(ctx, typed.withErrors(e.fields()));
        }
    }

    private void delete(Context ctx) {
        Comment c = own(ctx);
        comments.deleteOwn(c.id(), ctx.cookie(OWNER_COOKIE));
        Post post = comments.publicPost(c.postId());
        notice(ctx, "Comment deleted", "Your comment was removed from “" + post.title() + "”.", null, null,
                permalinks.apply(post) + "#comments", "Back to the post");
    }

    /** The comment this browser wrote and may still change. @throws NotFound otherwise (also after the window) */
    private Comment own(Context ctx) {
        long id = number(ctx.pathParam("id"));
        return comments.find(id).filter(c -> comments.mayChange(c, ctx.cookie(OWNER_COOKIE)))
                .orElseThrow(() -> new NotFound("own comment " + id));
    }

    private void locate(Context ctx) {
        Comment c = comments.find(number(ctx.pathParam("id"))).filter(Comment::isPublic)
                .orElseThrow(() -> new NotFound("comment " + ctx.pathParam("id")));
        ctx.redirect(threads.location(c, comments.publicPost(c.postId())), io.javalin.http.HttpStatus.FOUND);
    }

    private void unsubscribePage(Context ctx, boolean confirmed) {
        String token = ctx.pathParam("token");
        var post = comments.followed(token);
        if (post.isEmpty()) {
            notice(ctx, "Already unsubscribed", "This address gets no follow-up emails from this link any more.", null, null, "/", "Home");
            return;
        }
        String title = post.get().title();
        String url = post.get().isPublic() ? permalinks.apply(post.get()) : "/";
        if (confirmed) {
            comments.unfollow(token);
            notice(ctx, "Unsubscribed", "You will get no more emails about new comments on “" + title + "”.", null, null, url, "Back to the post");
        } else {
            notice(ctx, "Stop follow-up emails?", "You get an email when someone comments on “" + title + "”.",
                    "/comments/unsubscribe/" + token + "/", "Unsubscribe", url, "Back to the post");
        }
    }

    private void notice(Context ctx, String heading, String message, String action, String button, String back, String backLabel) {
        Site s = site.site();
        html(ctx, "comments/notice.jte", new CommentPages.Notice(s, Meta.website(heading + " · " + s.title(), "", null),
                heading, message, action, button, back, backLabel));
    }

    // ---- helpers

    private void html(Context ctx, String template, Object view) {
        ctx.header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").contentType("text/html; charset=utf-8")
                .result(templates.render(template, view));
    }


    private static long number(String s) {
        if (s == null || !s.strip().matches("\\d{1,18}")) throw new NotFound("not a number: " + s);
        return Long.parseLong(s.strip());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
