package dev.kioku.admin;

import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Status;
import dev.kioku.mail.Outbox;
import dev.kioku.site.SiteService;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** {@code /admin/}: what is published, what is waiting, and the last things worked on. */
public final class DashboardRoutes implements Routes {
    private final Admin admin;
    private final Posts posts;
    private final SiteService site;
    private final Outbox outbox;
    private final IntSupplier subscribers;

    /** @param subscribers how many addresses get new posts by email (shown to editors and the owner) */
    public DashboardRoutes(Admin admin, Posts posts, SiteService site, Outbox outbox, IntSupplier subscribers) {
        this.subscribers = subscribers;
        this.admin = admin;
        this.posts = posts;
        this.site = site;
        this.outbox = outbox;
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
                count(Status.PUBLISHED, mine), count(Status.DRAFT, mine), count(Status.SCHEDULED, mine),
                me.can(Permission.EDIT_ALL) ? Integer.valueOf(subscribers.getAsInt()) : null, recent, warnings()));
    }

    /** What the staff should know is wrong, one line each; empty when all is well. */
    private List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (!outbox.configured()) {
            int waiting = outbox.pending();
            lines.add(waiting == 0 ? "Email is not set up." : "Email is not set up: " + plural(waiting, "message is", "messages are") + " waiting.");
        }
        int failed = outbox.failed();
        if (failed > 0) lines.add(plural(failed, "email", "emails") + " could not be sent in the last 7 days.");
        return lines;
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private int count(Status status, Long author) {
        return posts.adminList(Kind.POST, status, null, author, 0, 1).total();
    }

    private static String label(Post p) {
        return p.status().name().charAt(0) + p.status().name().substring(1).toLowerCase();
    }
}
