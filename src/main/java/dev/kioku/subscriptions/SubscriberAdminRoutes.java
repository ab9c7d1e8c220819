package dev.kioku.subscriptions;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Permission;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Admin → Subscribers: the addresses (search, pages), a CSV export, and removing one (asked first). For the
 * owner and editors; authors and contributors get 403, since the list is readers' personal data.
 */
public final class SubscriberAdminRoutes implements Routes {
    static final int PER_PAGE = 50;
    private static final String BASE = "/admin/subscribers/";
    private final Admin admin;
    private final Subscriptions subscriptions;

    public SubscriberAdminRoutes(Admin admin, Subscriptions subscriptions) {
        this.admin = admin;
        this.subscriptions = subscriptions;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.get("/admin/subscribers", this::list);
        r.get("/admin/subscribers/export.csv", this::export);
        r.get("/admin/subscribers/{id}/remove", this::askRemove);
        r.post("/admin/subscribers/{id}/remove", this::remove);
    }

    private void list(Context ctx) {
        Admin.require(ctx, Permission.EDIT_ALL);
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int page = page(ctx.queryParam("page"));
        Subscriptions.Page p = subscriptions.list(search, (page - 1) * PER_PAGE, PER_PAGE);
        List<SubscriptionPages.Row> rows = p.rows().stream().map(s -> row(s, admin.siteSettings())).toList();
        int first = rows.isEmpty() ? 0 : (page - 1) * PER_PAGE + 1;
        int last = (page - 1) * PER_PAGE + rows.size();
        admin.render(ctx, "subscriptions/admin-list.jte", new SubscriptionPages.AdminList(admin.frame(ctx, "subscribers"), rows,
                search, first, last, p.total(), subscriptions.confirmedCount(),
                page > 1 ? listUrl(search, page - 1) : null, last < p.total() ? listUrl(search, page + 1) : null,
                BASE + "export.csv"));
    }

    private void export(Context ctx) {
        Admin.require(ctx, Permission.EDIT_ALL);
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"subscribers.csv\"")
                .contentType("text/csv; charset=utf-8")
                .result(SubscriberCsv.of(subscriptions.all()));
    }

    private void askRemove(Context ctx) {
        Admin.require(ctx, Permission.EDIT_ALL);
        Subscriber s = find(ctx);
        admin.render(ctx, "subscriptions/admin-remove.jte", new SubscriptionPages.Remove(admin.frame(ctx, "subscribers"),
                row(s, admin.siteSettings()), BASE));
    }

    private void remove(Context ctx) {
        Admin.require(ctx, Permission.EDIT_ALL);
        long id = id(ctx);
        subscriptions.remove(id);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(BASE + "?notice=subscriber-removed", HttpStatus.SEE_OTHER);
    }

    private Subscriber find(Context ctx) {
        long id = id(ctx);
        return subscriptions.byId(id).orElseThrow(() -> new NotFound("subscriber " + id));
    }

    private static SubscriptionPages.Row row(Subscriber s, SiteSettings settings) {
        var since = s.confirmedAt() != null ? s.confirmedAt() : s.createdAt();
        return new SubscriptionPages.Row(s.id(), s.email(), s.status().label(), s.follows(), settings.date(since), since.toString(),
                source(s.source()), BASE + s.id() + "/remove/");
    }

    private static String source(String code) {
        return switch (code) {
            case "comment-form" -> "Comment form";
            case "series-box" -> "Series";
            default -> "Subscribe box";
        };
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("\\d{1,18}")) throw new NotFound("subscriber " + raw);
        return Long.parseLong(raw);
    }

    private static int page(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,6}")) return 1;
        return Math.max(1, Integer.parseInt(raw.strip()));
    }

    private static String listUrl(String search, int page) {
        String q = search.isEmpty() ? "" : "q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&";
        return BASE + "?" + q + "page=" + page;
    }
}
