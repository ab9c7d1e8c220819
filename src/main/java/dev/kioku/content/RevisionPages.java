package dev.kioku.content;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Staff;
import dev.kioku.web.NotFound;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A post's revisions, and one revision compared line by line with the current text. */
final class RevisionPages {
    static final int SHOWN = 100;
    static final int CONTEXT_LINES = 3;
    private final Admin admin;
    private final Posts posts;
    private final PostEditor editor;
    private final java.util.function.Supplier<dev.kioku.site.SiteSettings> settings;

    RevisionPages(Admin admin, Posts posts, PostEditor editor, java.util.function.Supplier<dev.kioku.site.SiteSettings> settings) {
        this.admin = admin;
        this.posts = posts;
        this.editor = editor;
        this.settings = settings;
    }

    void list(Context ctx, Kind kind, long id) {
        Staff me = Admin.me(ctx);
        Post p = editable(me, kind, id);
        String base = PostEditor.section(kind) + id + "/";
        List<RevisionsView.Row> rows = new ArrayList<>();
        for (Revision r : posts.revisions(id, SHOWN)) {
            List<DiffLine> diff = LineDiff.diff(LineDiff.lines(p.bodyMd()), LineDiff.lines(r.bodyMd()));
            long added = diff.stream().filter(l -> l.type() == DiffLine.Type.ADDED).count();
            long removed = diff.stream().filter(l -> l.type() == DiffLine.Type.REMOVED).count();
            boolean same = r.sameTextAs(p);
            String changes = same ? "Same as now" : added == 0 && removed == 0 ? "Text the same; title, address, excerpt or tags differ"
                    : "+" + added + " −" + removed + (added + removed == 1 ? " line" : " lines");
            rows.add(new RevisionsView.Row(r.reason() == Revision.Reason.AUTOSAVE ? "Autosave" : "Save", editor.name(r.savedBy(), me),
                    When.of(r.createdAt(), settings.get()), r.title(), changes, base + "revisions/" + r.id() + "/",
                    base + "?revision=" + r.id() + "&notice=restored", same, r.reason() == Revision.Reason.AUTOSAVE));
        }
        admin.render(ctx, "content/revisions.jte", new RevisionsView(admin.frame(ctx, section(kind)), noun(kind), p.title(), base,
                rows, posts.revisionCount(id)));
    }

    void compare(Context ctx, Kind kind, long id, long revisionId) {
        Staff me = Admin.me(ctx);
        Post p = editable(me, kind, id);
        Revision r = posts.revision(id, revisionId).orElseThrow(() -> new NotFound("revision " + revisionId));
        String base = PostEditor.section(kind) + id + "/";
        List<RevisionDiffView.FieldChange> fields = new ArrayList<>();
        field(fields, "Title", p.title(), r.title());
        field(fields, "Address", p.slug(), r.slug());
        field(fields, "Excerpt", p.customExcerpt() == null ? "(automatic)" : p.customExcerpt(),
                r.customExcerpt() == null ? "(automatic)" : r.customExcerpt());
        field(fields, "Tags", String.join(", ", p.tags().stream().map(Tag::name).toList()), String.join(", ", r.tags()));
        List<DiffLine> all = LineDiff.diff(LineDiff.lines(p.bodyMd()), LineDiff.lines(r.bodyMd()));
        int added = (int) all.stream().filter(l -> l.type() == DiffLine.Type.ADDED).count();
        int removed = (int) all.stream().filter(l -> l.type() == DiffLine.Type.REMOVED).count();
        admin.render(ctx, "content/diff.jte", new RevisionDiffView(admin.frame(ctx, section(kind)), noun(kind), p.title(), base,
                base + "revisions/", base + "?revision=" + r.id() + "&notice=restored", editor.describe(r, me), fields,
                LineDiff.fold(all, CONTEXT_LINES), added, removed));
    }

    private static void field(List<RevisionDiffView.FieldChange> out, String name, String now, String then) {
        if (!Objects.equals(now, then)) out.add(new RevisionDiffView.FieldChange(name, now, then));
    }

    private Post editable(Staff me, Kind kind, long id) {
        Post p;
        try {
            p = posts.get(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("no post " + id);
        }
        if (p.kind() != kind) throw new NotFound("no " + kind + " " + id);
        EditRules.requireEdit(me, p);
        return p;
    }

    private static String section(Kind kind) {
        return kind == Kind.PAGE ? "pages" : "posts";
    }

    private static String noun(Kind kind) {
        return kind == Kind.PAGE ? "page" : "post";
    }
}
