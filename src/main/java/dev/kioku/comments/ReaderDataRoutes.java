package dev.kioku.comments;

import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.readers.Reader;
import dev.kioku.readers.Readers;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.Meta;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Your data" for a signed-in reader: every comment they wrote (any status), deleting one, and deleting their
 * identity while keeping their comments as guest comments or with all of them. Each deletion is a GET that
 * asks, then a POST that does it (Origin-checked, like every form under {@code /readers/}).
 */
public final class ReaderDataRoutes implements Routes {
    static final String PAGE = "/readers/me/data/";
    private final Comments comments;
    private final Readers readers;
    private final Posts posts;
    private final SiteService site;
    private final Templates templates;
    private final Function<Post, String> permalinks;

    public ReaderDataRoutes(Comments comments, Readers readers, Posts posts, SiteService site, Templates templates,
                            Function<Post, String> permalinks) {
        this.comments = comments;
        this.readers = readers;
        this.posts = posts;
        this.site = site;
        this.templates = templates;
        this.permalinks = permalinks;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.get("/readers/me/data", this::page);
        r.get("/readers/me/data/comments/{id}/delete", ctx -> signedIn(ctx).ifPresent(reader -> askDeleteComment(ctx, reader)));
        r.post("/readers/me/data/comments/{id}/delete", ctx -> signedIn(ctx).ifPresent(reader -> deleteComment(ctx, reader)));
        r.get("/readers/me/data/delete/{what}", ctx -> signedIn(ctx).ifPresent(reader -> askForget(ctx, what(ctx))));
        r.post("/readers/me/data/delete/{what}", ctx -> signedIn(ctx).ifPresent(reader -> forget(ctx, reader, what(ctx))));
    }

    private void page(Context ctx) {
        Optional<Reader> reader = signedIn(ctx);
        if (reader.isEmpty()) return;
        Reader r = reader.get();
        Site s = site.site();
        List<Comment> theirs = comments.ofReader(r.id());
        Map<Long, Post> byId = posts.byIds(theirs.stream().map(Comment::postId).distinct().toList());
        List<CommentPages.OwnComment> rows = theirs.stream().map(c -> {
            Post p = byId.get(c.postId());
            String title = p == null ? "(a post that is gone)" : p.title();
            String url = c.isPublic() && p != null && p.isPublic() ? "/comments/" + c.id() + "/"
                    : p != null && p.isPublic() ? permalinks.apply(p) : null;
            return new CommentPages.OwnComment(c.id(), title, url, status(c.status()), s.settings().date(c.createdAt()),
                    s.settings().isoDate(c.createdAt()), excerpt(c.bodyMd()), PAGE + "comments/" + c.id() + "/delete/");
        }).toList();
        html(ctx, 200, "comments/reader-data.jte", new CommentPages.YourData(s, meta("Your data", s), r.displayName(),
                readers.label(r.provider()), r.email(), rows, PAGE + "delete/keep-comments/", PAGE + "delete/with-comments/"));
    }

    private void askDeleteComment(Context ctx, Reader r) {
        Comment c = theirs(ctx, r);
        notice(ctx, 200, "Delete this comment?", "“" + excerpt(c.bodyMd()) + "” will be deleted for good. Replies to it stay.",
                PAGE + "comments/" + c.id() + "/delete/", "Delete the comment", PAGE, "No, back to your data");
    }

    private void deleteComment(Context ctx, Reader r) {
        Comment c = theirs(ctx, r);
        comments.deleteOfReader(r.id(), c.id());
        notice(ctx, 200, "Comment deleted", "Your comment is gone from this blog.", null, null, PAGE, "Back to your data");
    }

    private void askForget(Context ctx, boolean withComments) {
        notice(ctx, 200, withComments ? "Delete your identity and all your comments?" : "Delete your identity and keep your comments?",
                withComments ? "Your sign-in identity and every comment you wrote here are deleted for good, and you are signed out."
                        : "Your sign-in identity is deleted and you are signed out. Your comments stay, shown as a guest's under the same name.",
                PAGE + "delete/" + (withComments ? "with-comments" : "keep-comments") + "/",
                withComments ? "Delete identity and comments" : "Delete identity, keep comments", PAGE, "No, back to your data");
    }

    private void forget(Context ctx, Reader r, boolean withComments) {
        int n = comments.forgetReader(r.id(), withComments);
        readers.delete(r.id());
        readers.signOut(ctx);
        String what = n == 1 ? "1 comment" : n + " comments";
        notice(ctx, 200, "Your identity is deleted", withComments
                        ? "Your sign-in identity and " + what + " were deleted. You are signed out."
                        : "Your sign-in identity was deleted; " + what + " stay as guest comments. You are signed out.",
                null, null, "/", "Home");
    }

    // ---- helpers

    /** The reader signed in, or empty after answering with a page that offers to sign in. */
    private Optional<Reader> signedIn(Context ctx) {
        Optional<Reader> r = readers.current(ctx);
        if (r.isEmpty()) {
            boolean post = ctx.method().name().equals("POST");
            notice(ctx, post ? 401 : 200, "Sign in to see your data",
                    "This page lists the comments you wrote while signed in, and lets you delete them or your identity.",
                    null, null, "/readers/email/?return=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8), "Sign in with an email link");
        }
        return r;
    }

    private Comment theirs(Context ctx, Reader r) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFound("comment " + id);
        return comments.find(Long.parseLong(id)).filter(c -> c.readerId() != null && c.readerId() == r.id())
                .orElseThrow(() -> new NotFound("comment " + id + " of reader " + r.id()));
    }

    private static boolean what(Context ctx) {
        return switch (ctx.pathParam("what")) {
            case "with-comments" -> true;
            case "keep-comments" -> false;
            default -> throw new NotFound("delete " + ctx.pathParam("what"));
        };
    }

    private static String status(CommentStatus s) {
        return switch (s) {
            case APPROVED -> "Published";
            // spam is shown to its writer as held, as on the post page
            case PENDING, SPAM -> "Awaiting moderation";
            case TRASH -> "Removed by a moderator";
        };
    }

    private static String excerpt(String md) {
        String one = md.replaceAll("\\s+", " ").strip();
        return one.length() <= 140 ? one : one.substring(0, 139) + "…";
    }

    private void notice(Context ctx, int status, String heading, String message, String action, String button, String back,
                        String backLabel) {
        Site s = site.site();
        html(ctx, status, "comments/notice.jte", new CommentPages.Notice(s, meta(heading, s), heading, message, action, button,
                back, backLabel));
    }

    private static Meta meta(String heading, Site s) {
        return Meta.website(heading + " · " + s.title(), "", null);
    }

    private void html(Context ctx, int status, String template, Object view) {
        ctx.status(status).header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .contentType("text/html; charset=utf-8").result(templates.render(template, view));
    }
}
