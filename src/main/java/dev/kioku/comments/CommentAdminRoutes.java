package dev.kioku.comments;

import dev.kioku.admin.Admin;
import dev.kioku.admin.Fields;
import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.web.Forbidden;
import dev.kioku.web.Invalid;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /admin/comments/}: the moderation queue (Pending, Approved, Spam, Trash), one comment's page with its
 * Edit and Reply forms, and Settings → Discussion. Editors moderate every comment, authors those on their own
 * posts, contributors none (as in WordPress). Every change is a form POST answered 303 back to where it was
 * made, with a notice; a GET never changes anything, not even the approve links in notification emails.
 */
public final class CommentAdminRoutes implements Routes {
    static final int PER_PAGE = 50;
    private static final String BASE = "/admin/comments/";
    private final Admin admin;
    private final Comments comments;
    private final Posts posts;
    private final CommentThreads threads;
    private final CommentRows rows;
    private final DiscussionAdminRoutes discussion;

    /**
     * @param threads where an approved comment is shown (its page of comments), for the link on its admin page
     * @param permalinks a public post's URL
     */
    public CommentAdminRoutes(Admin admin, Comments comments, CommentThreads threads, Posts posts,
                              Function<Post, String> permalinks) {
        this.admin = admin;
        this.comments = comments;
        this.posts = posts;
        this.threads = threads;
        this.rows = new CommentRows(comments, permalinks);
        this.discussion = new DiscussionAdminRoutes(admin, comments);
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        // before {id}, which would otherwise take "settings" for an id
        discussion.register(r);
        r.get("/admin/comments", this::queue);
        r.post("/admin/comments", this::bulk);
        r.get("/admin/comments/{id}", ctx -> one(ctx, Fields.empty(), Fields.empty()));
        r.post("/admin/comments/{id}", this::act);
        r.post("/admin/comments/{id}/edit", this::edit);
        r.post("/admin/comments/{id}/reply", this::reply);
    }

    // ---- the queue

    private void queue(Context ctx) {
        Staff me = moderator(ctx);
        CommentStatus status = status(ctx.queryParam("status"));
        int page = page(ctx.queryParam("page"));
        Comments.Queue q = comments.queue(me, status, (page - 1) * PER_PAGE, PER_PAGE);
        int total = q.counts().getOrDefault(status, 0);
        int lastPage = Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        if (page > lastPage) {
            // after the last comments of the last page were moved away: show what is left
            page = lastPage;
            q = comments.queue(me, status, (page - 1) * PER_PAGE, PER_PAGE);
        }
        List<CommentQueueView.Tab> tabs = new ArrayList<>();
        for (CommentStatus s : CommentStatus.values()) {
            tabs.add(new CommentQueueView.Tab(s.label(), queueUrl(s, 1), q.counts().getOrDefault(s, 0), s == status));
        }
        List<CommentRow> shown = rows.of(me, q.comments(), q.posts(), admin.siteSettings());
        int first = shown.isEmpty() ? 0 : (page - 1) * PER_PAGE + 1;
        int last = (page - 1) * PER_PAGE + shown.size();
        admin.render(ctx, "comments/admin-queue.jte", new CommentQueueView(admin.frame(ctx, "comments"), notice(ctx), status,
                tabs, shown, ModerationAction.offeredFor(status), page, first, last, total,
                page > 1 ? queueUrl(status, page - 1) : null, last < total ? queueUrl(status, page + 1) : null,
                me.can(Permission.ADMINISTER)));
    }

    /** Bulk actions and each row's buttons: the checked (or the one) comments, then back to the same tab and page. */
    private void bulk(Context ctx) {
        Staff me = moderator(ctx);
        CommentStatus status = status(ctx.formParam("status"));
        int page = page(ctx.formParam("page"));
        ModerationAction action = ModerationAction.of(ctx.formParam("action"));
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : ctx.formParams("id")) if (id.strip().matches("\\d{1,18}")) ids.add(Long.parseLong(id.strip()));
        String back = queueUrl(status, page);
        if (action == null || ids.isEmpty()) {
            seeOther(ctx, query(back, "done=nothing"));
            return;
        }
        int n = apply(me, ids, action);
        seeOther(ctx, query(back, "done=" + action.code() + "&count=" + n));
    }

    private int apply(Staff me, Set<Long> ids, ModerationAction action) {
        return action == ModerationAction.DELETE ? comments.deleteForever(me, ids) : comments.moderate(me, ids, action.to());
    }

    // ---- one comment

    private void one(Context ctx, Fields edit, Fields reply) {
        Staff me = moderator(ctx);
        Comment c = moderatable(ctx, me);
        Post post = posts.get(c.postId());
        Comment parent = c.parentId() == null ? null : comments.find(c.parentId()).orElse(null);
        CommentRow row = rows.row(me, c, post, parent, admin.siteSettings());
        if (c.isPublic() && post.isPublic()) row = row.withPostUrl(threads.location(c, post));
        ModerationAction wanted = ModerationAction.of(ctx.queryParam("action"));
        String notice = notice(ctx);
        if (wanted != null && wanted.to() == c.status()) {
            notice = "This comment is " + c.status().label().toLowerCase(java.util.Locale.ROOT) + " already.";
            wanted = null;
        } else if (wanted != null && !row.actions().contains(wanted)) {
            // an email's link may ask for an action this status does not list (spam a trashed comment): offer it first
            List<ModerationAction> actions = new ArrayList<>(List.of(wanted));
            actions.addAll(row.actions());
            row = row.withActions(actions);
        }
        Fields shownEdit = edit.withDefaults(Map.of("name", c.authorName(), "email", nullToEmpty(c.authorEmail()),
                "url", nullToEmpty(c.authorUrl()), "body", c.bodyMd()));
        admin.render(ctx, "comments/admin-comment.jte", new CommentAdminPage(admin.frame(ctx, "comments"), notice, row, wanted,
                queueUrl(c.status(), 1), shownEdit, reply));
    }

    private void act(Context ctx) {
        Staff me = moderator(ctx);
        Comment c = moderatable(ctx, me);
        ModerationAction action = ModerationAction.of(ctx.formParam("action"));
        if (action == null) {
            seeOther(ctx, BASE + c.id() + "/?done=nothing");
            return;
        }
        int n = apply(me, Set.of(c.id()), action);
        // a comment deleted for good has no page any more: back to the tab it was in
        String back = action == ModerationAction.DELETE && n == 1 ? queueUrl(c.status(), 1) : BASE + c.id() + "/";
        seeOther(ctx, query(back, "done=" + action.code() + "&count=" + n));
    }

    private void edit(Context ctx) {
        Staff me = moderator(ctx);
        Comment c = moderatable(ctx, me);
        Fields typed = Fields.from(ctx, "name", "email", "url", "body");
        try {
            comments.edit(me, c.id(), typed.value("name"), typed.value("email"), typed.value("url"), typed.value("body"));
            seeOther(ctx, BASE + c.id() + "/?done=edited");
        } catch (Invalid e) {
            ctx.status(422);
            one(ctx, typed.withErrors(e.fields()), Fields.empty());
        }
    }

    private void reply(Context ctx) {
        Staff me = moderator(ctx);
        Comment c = moderatable(ctx, me);
        Fields typed = Fields.from(ctx, "reply");
        try {
            comments.reply(me, c.id(), typed.value("reply"));
            seeOther(ctx, BASE + c.id() + "/?done=replied");
        } catch (Invalid e) {
            ctx.status(422);
            String message = e.fields().getOrDefault("body", e.fields().values().stream().findFirst().orElse("Please write a reply."));
            one(ctx, Fields.empty(), typed.withError("reply", message));
        }
    }

    // ---- helpers

    /** The signed-in person when they may moderate at all. @throws Forbidden for contributors */
    private static Staff moderator(Context ctx) {
        Staff me = Admin.me(ctx);
        if (!Comments.mayModerateAny(me)) throw new Forbidden("Your role (" + me.role().label() + ") does not allow moderating comments.");
        return me;
    }

    /** The comment in the path. @throws NotFound when there is none, or it is on a post {@code me} may not moderate */
    private Comment moderatable(Context ctx, Staff me) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFound("comment " + id);
        Comment c = comments.find(Long.parseLong(id)).orElseThrow(() -> new NotFound("comment " + id));
        if (!comments.mayModerate(me, posts.get(c.postId()))) throw new NotFound("comment " + id);
        return c;
    }

    /** What the last action did, from {@code ?done=} (a known key) and {@code &count=} (a number); else null. */
    private static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        if (done == null) return null;
        return switch (done) {
            case "nothing" -> "Nothing was changed: choose an action and at least one comment.";
            case "edited" -> "Comment saved.";
            case "replied" -> "Your reply is published.";
            default -> {
                ModerationAction a = ModerationAction.of(done);
                String count = ctx.queryParam("count");
                yield a == null || count == null || !count.matches("\\d{1,4}") ? null : a.notice(Integer.parseInt(count));
            }
        };
    }

    static String queueUrl(CommentStatus status, int page) {
        String url = status == CommentStatus.PENDING ? BASE : BASE + "?status=" + status.sql();
        return page <= 1 ? url : query(url, "page=" + page);
    }

    private static String query(String url, String more) {
        return url + (url.contains("?") ? "&" : "?") + more;
    }

    private static CommentStatus status(String code) {
        try {
            return code == null || code.isBlank() ? CommentStatus.PENDING : CommentStatus.of(code.strip());
        } catch (IllegalArgumentException e) {
            return CommentStatus.PENDING;
        }
    }

    private static int page(String text) {
        return text != null && text.strip().matches("[1-9]\\d{0,5}") ? Integer.parseInt(text.strip()) : 1;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void seeOther(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
}
