package dev.kioku.content;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Authors;
import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.site.SiteService;
import dev.kioku.site.SiteSettings;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/posts/} and {@code /admin/pages/}: status tabs, search, pages of 20. Authors and contributors see their own. */
final class PostList {
    static final int PER_PAGE = 20;
    private static final List<String> TABS = List.of("all", "draft", "scheduled", "published");
    private final Admin admin;
    private final Posts posts;
    private final SiteService site;
    private final Authors authors;

    PostList(Admin admin, Posts posts, SiteService site, Authors authors) {
        this.admin = admin;
        this.posts = posts;
        this.site = site;
        this.authors = authors;
    }

    void show(Context ctx, Kind kind) {
        Staff me = Admin.me(ctx);
        EditRules.requireSection(me, kind);
        String asked = ctx.queryParam("status");
        String tab = asked != null && TABS.contains(asked) ? asked : "all";
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (query.length() > 200) query = query.substring(0, 200);
        int page = pageNumber(ctx.queryParam("page"));
        Long mine = me.can(Permission.EDIT_ALL) ? null : me.id();
        Posts.Slice slice = posts.adminList(kind, status(tab), query, mine, (page - 1) * PER_PAGE, PER_PAGE);
        String base = PostEditor.section(kind);

        List<PostListView.Tab> tabs = new ArrayList<>();
        for (String t : TABS) {
            int count = t.equals(tab) ? slice.total() : posts.adminList(kind, status(t), query, mine, 0, 1).total();
            tabs.add(new PostListView.Tab(label(t), url(base, t, query, 1), count, t.equals(tab)));
        }
        SiteSettings s = site.settings();
        Map<Long, String> names = new HashMap<>();
        List<PostListView.Row> rows = slice.posts().stream().map(p -> new PostListView.Row(p.title(),
                EditRules.mayEdit(me, p) ? base + p.id() + "/" : null, p.status().name().toLowerCase(), statusLabel(p.status()),
                names.computeIfAbsent(p.authorId(), id -> authors.staff(id).map(Staff::displayName).orElse("—")),
                when(p, s), p.isPublic() ? s.permalink(p) : null, p.tags().stream().map(Tag::name).toList())).toList();
        int first = slice.total() == 0 ? 0 : (page - 1) * PER_PAGE + 1;
        int last = (page - 1) * PER_PAGE + rows.size();
        String newer = page > 1 ? url(base, tab, query, page - 1) : null;
        String older = last < slice.total() ? url(base, tab, query, page + 1) : null;
        admin.render(ctx, "content/list.jte", new PostListView(admin.frame(ctx, kind == Kind.PAGE ? "pages" : "posts"), kind,
                tab, query, tabs, rows, slice.total(), first, last, newer, older, mine == null));
    }

    private static String when(Post p, SiteSettings s) {
        return switch (p.status()) {
            case PUBLISHED -> "Published " + When.date(p.publishedAt(), s);
            case SCHEDULED -> "Scheduled for " + When.of(p.publishedAt(), s);
            case DRAFT -> "Edited " + When.of(p.updatedAt(), s);
        };
    }

    private static String statusLabel(Status s) {
        return s.name().charAt(0) + s.name().substring(1).toLowerCase();
    }

    private static Status status(String tab) {
        return tab.equals("all") ? null : Status.valueOf(tab.toUpperCase());
    }

    private static String label(String tab) {
        return switch (tab) {
            case "all" -> "All";
            case "draft" -> "Drafts";
            default -> Character.toUpperCase(tab.charAt(0)) + tab.substring(1);
        };
    }

    private static String url(String base, String tab, String query, int page) {
        StringBuilder sb = new StringBuilder(base);
        String sep = "?";
        if (!tab.equals("all")) {
            sb.append(sep).append("status=").append(tab);
            sep = "&";
        }
        if (!query.isEmpty()) {
            sb.append(sep).append("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
            sep = "&";
        }
        if (page > 1) sb.append(sep).append("page=").append(page);
        return sb.toString();
    }

    private static int pageNumber(String value) {
        if (value == null || !value.matches("[1-9]\\d{0,5}")) return 1;
        return Integer.parseInt(value);
    }
}
