package dev.kioku.admin;

import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Status;
import dev.kioku.site.SiteService;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;

/** {@code /admin/}: what is published, what is waiting, and the last things worked on. */
public final class DashboardRoutes implements Routes {
    private final Admin admin;
    private final Posts posts;
    private final SiteService site;

    public DashboardRoutes(Admin admin, Posts posts, SiteService site) {
        this.admin = admin;
        this.posts = posts;
        this.site = site;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/admin", this::dashboard);
    }

    private void dashboard(Context ctx) {
        Staff me = Admin.me(ctx);
        Long mine = me.can(Permission.EDIT_ALL) ? null : me.id();
        var recent = posts.adminList(Kind.POST, null, null, mine, 0, 8).posts().stream()
                .map(p -> new DashboardView.Row(p.title(), "/admin/posts/" + p.id() + "/", label(p),
                        site.settings().date(p.updatedAt()))).toList();
        admin.render(ctx, "admin/dashboard.jte", new DashboardView(admin.frame(ctx, "dashboard"),
                count(Status.PUBLISHED, mine), count(Status.DRAFT, mine), count(Status.SCHEDULED, mine), recent));
    }

    private int count(Status status, Long author) {
        return posts.adminList(Kind.POST, status, null, author, 0, 1).total();
    }

    private static String label(Post p) {
        return p.status().name().charAt(0) + p.status().name().substring(1).toLowerCase();
    }
}
