package dev.kioku.admin;

import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.site.SiteService;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Assets;
import dev.kioku.web.Csrf;
import dev.kioku.web.Forbidden;
import dev.kioku.web.Templates;
import io.javalin.http.Context;

/**
 * Helpers every admin feature uses: who is signed in (set by {@code AdminAccess} before any admin handler
 * runs), permission checks, the page frame, and rendering with no caching anywhere.
 */
public final class Admin {
    /** Request attribute holding the signed-in {@link Staff}. */
    public static final String STAFF = "kioku.staff";
    private final Templates templates;
    private final Assets assets;
    private final SiteService site;

    public Admin(Templates templates, Assets assets, SiteService site) {
        this.templates = templates;
        this.assets = assets;
        this.site = site;
    }

    /** The signed-in staff member; admin routes are only reached signed in. */
    public static Staff me(Context ctx) {
        Staff s = ctx.attribute(STAFF);
        if (s == null) throw new Forbidden("Please sign in.");
        return s;
    }

    /** @throws Forbidden with a readable message when the signed-in person lacks the permission */
    public static Staff require(Context ctx, Permission p) {
        Staff s = me(ctx);
        if (!s.can(p)) throw new Forbidden("Your role (" + s.role().label() + ") does not allow this.");
        return s;
    }

    /** The writer's site settings (time zone and language for showing dates in the admin). */
    public SiteSettings siteSettings() {
        return site.settings();
    }

    public AdminFrame frame(Context ctx, String section) {
        return new AdminFrame(site.settings().title(), ctx.attribute(STAFF), Csrf.token(ctx), section,
                assets.url("admin.css"), assets.url("htmx.min.js"), assets.url("admin.js"),
                Notices.text(ctx.queryParam("notice")));
    }

    /** Renders an admin template; admin pages are never stored by browsers or proxies. */
    public void render(Context ctx, String template, Object view) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.render(template, view));
    }
}
