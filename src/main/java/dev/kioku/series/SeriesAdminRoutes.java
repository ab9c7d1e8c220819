package dev.kioku.series;

import dev.kioku.admin.Admin;
import dev.kioku.admin.Fields;
import dev.kioku.authors.Permission;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.site.SiteService;
import dev.kioku.web.Invalid;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin/series/}: editors plan series, add posts as parts, reorder them, announce planned parts and
 * later attach their posts. Every change is a plain form POST answered with a redirect (htmx only swaps
 * the parts list in place); refused input comes back with 422 and what was typed.
 */
public final class SeriesAdminRoutes implements Routes {
    /** How many of the most recently edited posts the "add a post" lists offer. */
    private static final int CANDIDATES = 300;
    private final Admin admin;
    private final SeriesService series;
    private final Posts posts;
    private final SiteService site;

    public SeriesAdminRoutes(Admin admin, SeriesService series, Posts posts, SiteService site) {
        this.admin = admin;
        this.series = series;
        this.posts = posts;
        this.site = site;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.get("/admin/series", ctx -> list(ctx, Fields.empty()));
        r.post("/admin/series", this::create);
        r.get("/admin/series/{id}", ctx -> edit(ctx, found(ctx), Fields.empty()));
        r.post("/admin/series/{id}", this::update);
        r.post("/admin/series/{id}/parts", this::addPost);
        r.post("/admin/series/{id}/planned", this::addPlanned);
        r.post("/admin/series/{id}/parts/{part}/move", this::move);
        r.post("/admin/series/{id}/parts/{part}/attach", this::attach);
        r.post("/admin/series/{id}/parts/{part}/remove", this::remove);
        r.post("/admin/series/{id}/parts/{part}/edit", this::editPlanned);
        r.get("/admin/series/{id}/delete", ctx -> confirmDelete(ctx, found(ctx)));
        r.post("/admin/series/{id}/delete", this::delete);
    }

    // ---- pages

    private void list(Context ctx, Fields form) {
        Admin.require(ctx, Permission.EDIT_ALL);
        List<SeriesListView.Row> rows = series.all().stream().map(s -> {
            SeriesView v = series.view(s);
            int soon = (int) v.parts().stream().filter(SeriesView.PartView::comingSoon).count();
            return new SeriesListView.Row(s.title(), editUrl(s.id()), s.url(), v.total(), v.total() - soon,
                    (int) series.parts(s.id()).stream().filter(p -> p.postId() == null).count());
        }).toList();
        admin.render(ctx, "series/list.jte", new SeriesListView(admin.frame(ctx, "series"), rows, form));
    }

    private void edit(Context ctx, Series s, Fields form) {
        // the details form shows the saved values unless it is the form that was just refused
        form = form.withDefaults(Map.of("title", s.title(), "slug", s.slug(), "description", s.descriptionMd()));
        List<Part> parts = series.parts(s.id());
        Map<Long, Post> byId = posts.byIds(parts.stream().map(Part::postId).filter(id -> id != null).toList());
        var settings = site.settings();
        List<SeriesEditView.PartRow> rows = new ArrayList<>();
        for (Part p : parts) {
            Post post = p.postId() == null ? null : byId.get(p.postId());
            int n = rows.size() + 1;
            boolean first = n == 1;
            boolean last = n == parts.size();
            if (post == null) {
                rows.add(new SeriesEditView.PartRow(p.id(), n, p.plannedTitle(), "Planned", null, p.plannedNote(), null, null, first, last));
            } else {
                // before publication readers see the announced title and note; after it, the post itself
                boolean live = post.isPublic();
                String announced = !live && p.plannedTitle() != null && !p.plannedTitle().equals(post.title()) ? p.plannedTitle() : null;
                rows.add(new SeriesEditView.PartRow(p.id(), n, post.title(), label(post), announced, live ? "" : p.plannedNote(),
                        "/admin/posts/" + post.id() + "/", post.isPublic() ? settings.permalink(post) : null, first, last));
            }
        }
        admin.render(ctx, "series/edit.jte", new SeriesEditView(admin.frame(ctx, "series"), s.id(), s.title(), s.url(), form,
                rows, candidates()));
    }

    /** Posts in no series yet, most recently edited first, drafts included (a part may be written later). */
    private List<SeriesEditView.Choice> candidates() {
        List<Post> recent = posts.adminList(Kind.POST, null, null, null, 0, CANDIDATES).posts();
        Set<Long> taken = series.inSomeSeries(recent.stream().map(Post::id).toList());
        return recent.stream().filter(p -> !taken.contains(p.id()))
                .map(p -> new SeriesEditView.Choice(p.id(), p.isPublic() ? p.title() : p.title() + " (" + label(p).toLowerCase() + ")"))
                .toList();
    }

    // ---- writes

    private void create(Context ctx) {
        Admin.require(ctx, Permission.EDIT_ALL);
        Fields form = Fields.from(ctx, "title", "description");
        try {
            Series s = series.create(form.value("title"), form.value("description"));
            seeOther(ctx, editUrl(s.id()) + "?notice=series-created");
        } catch (Invalid e) {
            ctx.status(422);
            list(ctx, form.withErrors(e.fields()));
        }
    }

    private void update(Context ctx) {
        Series s = found(ctx);
        Fields form = Fields.from(ctx, "title", "slug", "description");
        try {
            series.update(s.id(), form.value("title"), form.value("slug"), form.value("description"));
            seeOther(ctx, editUrl(s.id()) + "?notice=saved");
        } catch (Invalid e) {
            refuse(ctx, s, form.withErrors(e.fields()));
        }
    }

    private void addPost(Context ctx) {
        Series s = found(ctx);
        Fields form = Fields.from(ctx, "postId");
        try {
            series.addPost(s.id(), postId(form.value("postId"), "postId"));
            seeOther(ctx, editUrl(s.id()) + "?notice=part-added#parts");
        } catch (Invalid e) {
            refuse(ctx, s, form.withErrors(e.fields()));
        } catch (IllegalArgumentException e) {
            refuse(ctx, s, form.withError("postId", "That post cannot be added: it is in a series already, or gone."));
        }
    }

    private void addPlanned(Context ctx) {
        Series s = found(ctx);
        Fields form = Fields.from(ctx, "plannedTitle", "plannedNote");
        try {
            series.addPlanned(s.id(), form.value("plannedTitle"), form.stripped("plannedNote"));
            seeOther(ctx, editUrl(s.id()) + "?notice=part-planned#parts");
        } catch (Invalid e) {
            refuse(ctx, s, form.withErrors(e.fields()));
        }
    }

    private void move(Context ctx) {
        Part part = partOf(ctx, found(ctx));
        String direction = ctx.formParam("direction");
        if (!"up".equals(direction) && !"down".equals(direction)) throw new NotFound("direction " + direction);
        series.move(part.id(), "up".equals(direction) ? -1 : 1);
        seeOther(ctx, editUrl(part.seriesId()) + "?notice=part-moved#parts");
    }

    private void attach(Context ctx) {
        Series s = found(ctx);
        Part part = partOf(ctx, s);
        String field = "attach-" + part.id();
        Fields form = Fields.of(Map.of(field, ctx.formParam("postId") == null ? "" : ctx.formParam("postId")));
        try {
            series.attach(part.id(), postId(form.value(field), field));
            seeOther(ctx, editUrl(s.id()) + "?notice=part-attached#parts");
        } catch (Invalid e) {
            refuse(ctx, s, form.withErrors(e.fields()));
        } catch (IllegalArgumentException e) {
            refuse(ctx, s, form.withError(field, "That post cannot be attached: the part has a post, or the post is in a series already."));
        }
    }

    private void remove(Context ctx) {
        Part part = partOf(ctx, found(ctx));
        series.remove(part.id());
        seeOther(ctx, editUrl(part.seriesId()) + "?notice=part-removed#parts");
    }

    private void editPlanned(Context ctx) {
        Series s = found(ctx);
        Part part = partOf(ctx, s);
        String title = "plannedTitle-" + part.id();
        String note = "plannedNote-" + part.id();
        Fields form = Fields.of(Map.of(title, param(ctx, "plannedTitle"), note, param(ctx, "plannedNote")));
        if (form.stripped(note).length() > 300) {
            refuse(ctx, s, form.withError(note, "Keep the note under 300 characters."));
            return;
        }
        try {
            series.updatePlanned(part.id(), form.value(title), form.stripped(note));
            seeOther(ctx, editUrl(s.id()) + "?notice=part-updated#parts");
        } catch (Invalid e) {
            refuse(ctx, s, form.withError(title, e.fields().get("plannedTitle")));
        }
    }

    /** Deleting asks first, on a page of its own, so it works the same without JavaScript. */
    private void confirmDelete(Context ctx, Series s) {
        List<Part> parts = series.parts(s.id());
        Map<Long, Post> byId = posts.byIds(parts.stream().map(Part::postId).filter(id -> id != null).toList());
        List<String> kept = parts.stream().filter(p -> p.postId() != null && byId.containsKey(p.postId()))
                .map(p -> byId.get(p.postId()).title()).toList();
        admin.render(ctx, "series/delete.jte", new SeriesDeleteView(admin.frame(ctx, "series"), s.id(), s.title(), s.url(),
                kept, parts.size() - kept.size()));
    }

    private void delete(Context ctx) {
        Series s = found(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            seeOther(ctx, editUrl(s.id()) + "delete/");
            return;
        }
        series.delete(s.id());
        seeOther(ctx, "/admin/series/?notice=series-deleted");
    }

    // ---- helpers

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private void refuse(Context ctx, Series s, Fields form) {
        ctx.status(422);
        edit(ctx, s, form);
    }

    private Series found(Context ctx) {
        Admin.require(ctx, Permission.EDIT_ALL);
        long id = id(ctx.pathParam("id"));
        try {
            return series.get(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("series " + id);
        }
    }

    private Part partOf(Context ctx, Series s) {
        long id = id(ctx.pathParam("part"));
        return series.part(id).filter(p -> p.seriesId() == s.id()).orElseThrow(() -> new NotFound("part " + id));
    }

    private static long postId(String value, String field) {
        if (value == null || !value.strip().matches("\\d{1,18}")) throw Invalid.field(field, "Choose a post.");
        return Long.parseLong(value.strip());
    }

    private static long id(String text) {
        if (text == null || !text.matches("\\d{1,18}")) throw new NotFound("id " + text);
        return Long.parseLong(text);
    }

    private static String editUrl(long id) {
        return "/admin/series/" + id + "/";
    }

    private static String label(Post p) {
        return p.status().name().charAt(0) + p.status().name().substring(1).toLowerCase();
    }

    private static void seeOther(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
}
