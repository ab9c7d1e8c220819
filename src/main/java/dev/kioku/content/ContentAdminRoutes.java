package dev.kioku.content;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Authors;
import dev.kioku.markdown.Markdown;
import dev.kioku.markdown.Slugs;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.SeriesService;
import dev.kioku.site.SiteService;
import dev.kioku.web.Csrf;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The admin for writing: {@code /admin/posts/} and {@code /admin/pages/} (list, editor, autosave, revisions),
 * the live preview ({@code POST /admin/preview/}), tag suggestions ({@code GET /admin/tags/?q=}) and a fresh
 * CSRF token for an editor that outlived its session ({@code GET /admin/csrf-token/}).
 * {@code AdminAccess} has already checked the session and CSRF token of every request here.
 */
public final class ContentAdminRoutes implements Routes {
    private final Admin admin;
    private final Posts posts;
    private final Markdown markdown;
    private final PostList list;
    private final PostEditor editor;
    private final RevisionPages revisions;

    public ContentAdminRoutes(Admin admin, Posts posts, SeriesService series, MediaLibrary media, Markdown markdown,
                              SiteService site, Authors authors, Clock clock) {
        this.admin = admin;
        this.posts = posts;
        this.markdown = markdown;
        this.list = new PostList(admin, posts, site, authors);
        this.editor = new PostEditor(admin, posts, series, media, site, authors, markdown, clock);
        this.revisions = new RevisionPages(admin, posts, editor, site::settings);
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.post("/admin/preview", this::preview);
        r.get("/admin/tags", this::tags);
        r.get("/admin/csrf-token", this::csrfToken);
        for (Kind kind : Kind.values()) {
            String base = kind == Kind.PAGE ? "/admin/pages" : "/admin/posts";
            // first match wins: the fixed "new" paths before the {id} ones
            r.get(base, ctx -> list.show(ctx, kind));
            r.get(base + "/new", ctx -> editor.blank(ctx, kind));
            r.post(base + "/new", ctx -> editor.create(ctx, kind));
            r.post(base + "/new/autosave", ctx -> editor.autosaveNew(ctx, kind));
            r.get(base + "/{id}", ctx -> editor.edit(ctx, kind, id(ctx)));
            r.post(base + "/{id}", ctx -> editor.save(ctx, kind, id(ctx)));
            r.post(base + "/{id}/autosave", ctx -> editor.autosave(ctx, kind, id(ctx)));
            r.get(base + "/{id}/revisions", ctx -> revisions.list(ctx, kind, id(ctx)));
            r.get(base + "/{id}/revisions/{revision}", ctx -> revisions.compare(ctx, kind, id(ctx), number(ctx.pathParam("revision"))));
        }
    }

    /** The Markdown of the editor rendered as the public site renders it: sanitized HTML, never stored. */
    private void preview(Context ctx) {
        Admin.me(ctx);
        String html = markdown.render(ctx.formParam("body")).html();
        ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8")
                .result(html.isEmpty() ? "<p class=\"preview-empty\">The preview of your text appears here as you write.</p>" : html);
    }

    /** {@code <option>}s for the tags field: what was typed before the last comma, plus each matching tag. */
    private void tags(Context ctx) {
        Admin.me(ctx);
        String typed = ctx.queryParam("q") != null ? ctx.queryParam("q") : ctx.queryParam("tags");
        typed = typed == null ? "" : typed;
        int comma = typed.lastIndexOf(',');
        String before = comma < 0 ? "" : typed.substring(0, comma + 1).strip() + " ";
        Set<String> chosen = new HashSet<>();
        for (String t : before.split(",")) chosen.add(Slugs.slugify(t));
        List<String> values = posts.tagsStartingWith(typed.substring(comma + 1).strip(), 12).stream()
                .filter(t -> !chosen.contains(t.slug())).map(t -> before + t.name()).toList();
        admin.render(ctx, "content/tag-options.jte", new TagOptions(values));
    }

    /** The current CSRF token, for an editor page whose token went stale when its writer signed in again. */
    private void csrfToken(Context ctx) {
        Admin.me(ctx);
        ctx.header("Cache-Control", "no-store").contentType("text/plain; charset=utf-8").result(Csrf.token(ctx));
    }

    private static long id(Context ctx) {
        return number(ctx.pathParam("id"));
    }

    static long number(String value) {
        if (value == null || !value.matches("\\d{1,18}")) throw new NotFound("not a number: " + value);
        return Long.parseLong(value);
    }
}
