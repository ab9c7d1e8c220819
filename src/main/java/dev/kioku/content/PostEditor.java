package dev.kioku.content;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Authors;
import dev.kioku.authors.Staff;
import dev.kioku.markdown.Markdown;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.SeriesService;
import dev.kioku.site.SiteService;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Forbidden;
import dev.kioku.web.NotFound;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The editor of one post or page: show, save (and publish, schedule, unpublish), autosave.
 *
 * <p>Why a save names the version it was made on: two people can have the same post open. The second save
 * is refused with 409 and comes back with its text in the form, never applied over the first; the writer
 * then decides, with a link to what the other person saved.
 */
final class PostEditor {
    private final Admin admin;
    private final Posts posts;
    private final SeriesService series;
    private final MediaLibrary media;
    private final SiteService site;
    private final Authors authors;
    private final Markdown markdown;
    private final Clock clock;

    PostEditor(Admin admin, Posts posts, SeriesService series, MediaLibrary media, SiteService site, Authors authors,
               Markdown markdown, Clock clock) {
        this.admin = admin;
        this.posts = posts;
        this.series = series;
        this.media = media;
        this.site = site;
        this.authors = authors;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** What a save button asks for besides saving. */
    enum Action {
        SAVE, PUBLISH, SCHEDULE, UNPUBLISH;

        static Action of(String value) {
            for (Action a : values()) if (a.name().equalsIgnoreCase(value == null ? "" : value.strip())) return a;
            return SAVE;
        }
    }

    // ---- show

    void blank(Context ctx, Kind kind) {
        EditRules.requireSection(Admin.me(ctx), kind);
        render(ctx, kind, null, PostForm.blank(kind), Map.of(), null, null, null);
    }

    void edit(Context ctx, Kind kind, long id) {
        Staff me = Admin.me(ctx);
        Post p = find(id);
        if (p.kind() != kind) {
            ctx.redirect(section(p.kind()) + id + "/");
            return;
        }
        EditRules.requireEdit(me, p);
        PostForm form = PostForm.of(p, zone());
        String restored = null;
        String wanted = ctx.queryParam("revision");
        if (wanted != null) {
            Revision r = posts.revision(id, ContentAdminRoutes.number(wanted)).orElseThrow(() -> new NotFound("revision " + wanted));
            form = form.withRevision(r);
            restored = describe(r, me);
        }
        render(ctx, kind, p, form, Map.of(), null, null, restored);
    }

    // ---- save

    void create(Context ctx, Kind kind) {
        Staff me = Admin.me(ctx);
        EditRules.requireSection(me, kind);
        Optional<Long> autosaved = draftMadeByAutosave(ctx);
        if (autosaved.isPresent()) {
            save(ctx, kind, autosaved.get());
            return;
        }
        PostForm form = PostForm.read(ctx);
        Action action = Action.of(ctx.formParam("action"));
        if (action != Action.SAVE && !EditRules.mayPublishNew(me)) {
            throw new Forbidden("Your role (" + me.role().label() + ") saves drafts; an editor publishes them.");
        }
        Map<String, String> problems = problems(form, kind, 0, action);
        if (!problems.isEmpty()) {
            refuse(ctx, kind, null, form, problems);
            return;
        }
        Post p = posts.create(form.draft(kind, me.id()));
        done(ctx, apply(action, p, form));
    }

    void save(Context ctx, Kind kind, long id) {
        Staff me = Admin.me(ctx);
        Post p = find(id);
        if (p.kind() != kind) throw new NotFound("no " + kind + " " + id);
        EditRules.requireEdit(me, p);
        PostForm form = PostForm.read(ctx);
        Action action = Action.of(ctx.formParam("action"));
        if (action != Action.SAVE) EditRules.requirePublish(me, p);
        Map<String, String> problems = problems(form, kind, id, action);
        if (!problems.isEmpty()) {
            refuse(ctx, kind, p, form, problems);
            return;
        }
        long expected = overwrite(ctx).orElse(form.version());
        Post saved;
        try {
            saved = posts.update(id, form.draft(kind, p.authorId()), expected, me.id());
        } catch (EditConflict c) {
            ctx.status(HttpStatus.CONFLICT);
            render(ctx, kind, c.current(), form, Map.of(), null, conflict(c.current(), me), null);
            return;
        }
        done(ctx, apply(action, saved, form));
    }

    private Post apply(Action action, Post p, PostForm form) {
        return switch (action) {
            case SAVE -> p;
            case PUBLISH -> p.status() == Status.PUBLISHED ? p : posts.publish(p.id(), null);
            case SCHEDULE -> posts.publish(p.id(), form.publishTime(zone()));
            case UNPUBLISH -> p.status() == Status.DRAFT ? p : posts.unpublish(p.id());
        };
    }

    private void done(Context ctx, Post p) {
        Action action = Action.of(ctx.formParam("action"));
        String notice = switch (action) {
            case SAVE -> p.isPublic() ? "updated" : "saved";
            case PUBLISH -> "published";
            case SCHEDULE -> "scheduled";
            case UNPUBLISH -> "unpublished";
        };
        ctx.redirect(section(p.kind()) + p.id() + "/?notice=" + notice, HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, Kind kind, Post p, PostForm form, Map<String, String> problems) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        String noun = kind == Kind.PAGE ? "page" : "post";
        String what = problems.size() == 1 ? "the field marked below" : "the " + problems.size() + " fields marked below";
        render(ctx, kind, p, form, problems, "The " + noun + " was not saved. Fix " + what + "; everything you typed is still here.", null, null);
    }

    private Map<String, String> problems(PostForm form, Kind kind, long id, Action action) {
        return form.problems(kind, id, action == Action.SCHEDULE, posts, mediaId -> media.byId(mediaId).isPresent(),
                zone(), clock.instant());
    }

    /** "Replace their version with mine" after a conflict names the version it was shown. */
    private static Optional<Long> overwrite(Context ctx) {
        String v = ctx.formParam("overwrite");
        return v != null && v.matches("\\d{1,18}") ? Optional.of(Long.parseLong(v)) : Optional.empty();
    }

    /** A new post's form carries the id of the draft its first autosave made. */
    private static Optional<Long> draftMadeByAutosave(Context ctx) {
        String v = ctx.formParam("id");
        return v != null && v.matches("\\d{1,18}") ? Optional.of(Long.parseLong(v)) : Optional.empty();
    }

    private EditorView.Conflict conflict(Post current, Staff me) {
        String who = posts.revisions(current.id(), 50).stream().filter(r -> r.reason() == Revision.Reason.SAVE)
                .findFirst().map(r -> name(r.savedBy(), me)).orElse("someone");
        return new EditorView.Conflict(who, When.of(current.updatedAt(), settings()), section(current.kind()) + current.id() + "/",
                current.version());
    }

    // ---- autosave

    void autosave(Context ctx, Kind kind, long id) {
        Staff me = Admin.me(ctx);
        Post p = find(id);
        if (p.kind() != kind) throw new NotFound("no " + kind + " " + id);
        EditRules.requireEdit(me, p);
        PostForm form = PostForm.read(ctx);
        Revision r = posts.autosave(id, form.draft(kind, p.authorId()), me.id());
        String time = When.of(r.createdAt(), settings());
        if (form.version() != 0 && form.version() != p.version()) {
            ctx.status(HttpStatus.CONFLICT);
            render(ctx, AutosaveView.warning("A copy of your text was kept (" + time + "), but someone else saved this "
                    + (kind == Kind.PAGE ? "page" : "post") + " since you opened it. Saving will not replace their version.",
                    section(kind) + id + "/", "Open their version in a new tab"));
            return;
        }
        render(ctx, AutosaveView.ok(r.reason() == Revision.Reason.SAVE && r.sameTextAs(p) ? "All changes saved." : "Autosaved at " + time + "."));
    }

    /** The first autosave of a new post makes it a draft, so nothing typed can be lost from then on. */
    void autosaveNew(Context ctx, Kind kind) {
        Staff me = Admin.me(ctx);
        EditRules.requireSection(me, kind);
        Optional<Long> existing = draftMadeByAutosave(ctx);
        if (existing.isPresent()) {
            autosave(ctx, kind, existing.get());
            return;
        }
        PostForm form = PostForm.read(ctx);
        if (form.isEmpty()) {
            ctx.status(HttpStatus.NO_CONTENT);
            return;
        }
        Post p = posts.create(form.draft(kind, me.id()));
        ctx.header("HX-Replace-Url", section(kind) + p.id() + "/");
        render(ctx, AutosaveView.created("Draft saved at " + When.of(p.createdAt(), settings()) + ".", p.id(), p.version()));
    }

    private void render(Context ctx, AutosaveView view) {
        admin.render(ctx, "content/autosave.jte", view);
    }

    // ---- the page

    private void render(Context ctx, Kind kind, Post p, PostForm form, Map<String, String> errors, String problem,
                        EditorView.Conflict conflict, String restored) {
        Staff me = Admin.me(ctx);
        SiteSettings s = settings();
        Long id = p == null ? null : p.id();
        String when = "";
        String publicUrl = null;
        String slugPrefix = kind == Kind.PAGE ? "/" : s.permalinks().prefix(clock.instant().atZone(s.timeZone()));
        EditorView.SeriesPart part = null;
        EditorView.NewerAutosave newer = null;
        String previewUrl = null;
        int revisionCount = 0;
        if (p != null) {
            String path = s.permalink(p);
            slugPrefix = path.endsWith("/" + p.slug() + "/") ? path.substring(0, path.length() - p.slug().length() - 1) : "";
            when = switch (p.status()) {
                case PUBLISHED -> "Published " + When.of(p.publishedAt(), s);
                case SCHEDULED -> "Scheduled for " + When.of(p.publishedAt(), s);
                case DRAFT -> "Draft · last saved " + When.of(p.updatedAt(), s);
            };
            if (p.isPublic()) publicUrl = path;
            previewUrl = site.site().absolute("/preview/" + posts.previewToken(p.id()) + "/");
            part = series.forPost(p.id()).map(v -> new EditorView.SeriesPart(v.title(), v.current(), v.total(),
                    "/admin/series/" + v.series().id() + "/")).orElse(null);
            revisionCount = posts.revisionCount(p.id());
            if (restored == null && conflict == null) newer = newerAutosave(p, me);
        }
        Long chosen = form.featuredMediaId().matches("\\d{1,18}") ? Long.valueOf(form.featuredMediaId()) : null;
        var images = media.all().stream().map(m -> new EditorView.ImageOption(m.id(),
                m.alt().isBlank() ? m.path().substring(m.path().lastIndexOf('/') + 1) : m.alt(), m.path(),
                chosen != null && chosen == m.id())).toList();
        String featuredSrc = images.stream().filter(EditorView.ImageOption::selected).map(EditorView.ImageOption::src).findFirst().orElse(null);
        boolean canPublish = p == null ? EditRules.mayPublishNew(me) : EditRules.mayPublish(me, p);
        admin.render(ctx, "content/editor.jte", new EditorView(admin.frame(ctx, kind == Kind.PAGE ? "pages" : "posts"), kind, id,
                form, errors, problem, conflict, p == null ? null : p.status(), when, publicUrl, slugPrefix, previewUrl,
                s.timeZone().getId(), images, featuredSrc, part, revisionCount, newer, restored, canPublish,
                markdown.render(form.body()).html()));
    }

    /** The newest autosave when it holds text that was never saved, offered for restoring. */
    private EditorView.NewerAutosave newerAutosave(Post p, Staff me) {
        return posts.latestRevision(p.id())
                .filter(r -> r.reason() == Revision.Reason.AUTOSAVE && !r.sameTextAs(p))
                .map(r -> new EditorView.NewerAutosave(name(r.savedBy(), me), When.of(r.createdAt(), settings()),
                        section(p.kind()) + p.id() + "/revisions/" + r.id() + "/",
                        section(p.kind()) + p.id() + "/?revision=" + r.id() + "&notice=restored"))
                .orElse(null);
    }

    String describe(Revision r, Staff me) {
        return (r.reason() == Revision.Reason.AUTOSAVE ? "Autosaved" : "Saved") + " by " + name(r.savedBy(), me)
                + ", " + When.of(r.createdAt(), settings());
    }

    String name(Long staffId, Staff me) {
        if (staffId == null) return "a former writer";
        if (staffId == me.id()) return "you";
        return authors.staff(staffId).map(Staff::displayName).orElse("a former writer");
    }

    private Post find(long id) {
        try {
            return posts.get(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("no post " + id);
        }
    }

    private SiteSettings settings() {
        return site.settings();
    }

    private java.time.ZoneId zone() {
        return settings().timeZone();
    }

    static String section(Kind kind) {
        return kind == Kind.PAGE ? "/admin/pages/" : "/admin/posts/";
    }
}
