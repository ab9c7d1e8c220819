package dev.kioku.comments;

import dev.kioku.admin.Admin;
import dev.kioku.admin.Fields;
import dev.kioku.authors.Permission;
import dev.kioku.web.Invalid;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Settings → Discussion ({@code /admin/comments/settings/}): the owner's comment rules, like WordPress's. */
final class DiscussionAdminRoutes {
    private final Admin admin;
    private final Comments comments;

    DiscussionAdminRoutes(Admin admin, Comments comments) {
        this.admin = admin;
        this.comments = comments;
    }

    void register(RoutesConfig r) {
        r.get("/admin/comments/settings", ctx -> show(ctx, DiscussionForm.of(comments.settings())));
        r.post("/admin/comments/settings", this::save);
    }

    private void show(Context ctx, Fields form) {
        Admin.require(ctx, Permission.ADMINISTER);
        admin.render(ctx, "comments/admin-settings.jte", new DiscussionView(admin.frame(ctx, "settings"), form));
    }

    private void save(Context ctx) {
        Admin.require(ctx, Permission.ADMINISTER);
        Fields typed = Fields.from(ctx, DiscussionForm.FIELDS);
        try {
            comments.saveSettings(DiscussionForm.parse(typed));
            ctx.redirect("/admin/comments/settings/?notice=settings-saved", HttpStatus.SEE_OTHER);
        } catch (Invalid e) {
            ctx.status(422);
            show(ctx, typed.withErrors(e.fields()));
        }
    }
}
