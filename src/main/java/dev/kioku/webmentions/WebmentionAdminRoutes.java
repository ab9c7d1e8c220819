package dev.kioku.webmentions;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Staff;
import dev.kioku.content.Post;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Forbidden;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /admin/webmentions/}: received webmentions by status (Pending, Approved, Spam, and those Queued or
 * Failed), with Approve, Spam and Delete. Editors moderate every post's, authors their own posts' (as comments).
 * Actions are CSRF-checked form POSTs (the admin gate checks every POST) answered 303 back to the tab.
 */
public final class WebmentionAdminRoutes implements Routes {
    static final int PER_PAGE = 50;
    private static final String BASE = "/admin/webmentions/";
    private static final List<MentionStatus> TABS = List.of(MentionStatus.PENDING, MentionStatus.APPROVED, MentionStatus.SPAM,
            MentionStatus.QUEUED, MentionStatus.FAILED);
    private final Admin admin;
    private final Webmentions webmentions;
    private final Function<Post, String> permalinks;

    /** @param permalinks a public post's URL */
    public WebmentionAdminRoutes(Admin admin, Webmentions webmentions, Function<Post, String> permalinks) {
        this.admin = admin;
        this.webmentions = webmentions;
        this.permalinks = permalinks;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.get("/admin/webmentions", this::queue);
        r.post("/admin/webmentions", this::act);
    }

    private void queue(Context ctx) {
        Staff me = moderator(ctx);
        MentionStatus status = status(ctx.queryParam("status"));
        int page = page(ctx.queryParam("page"));
        Webmentions.Queue q = webmentions.queue(me, status, (page - 1) * PER_PAGE, PER_PAGE);
        int total = q.counts().getOrDefault(status, 0);
        List<MentionQueueView.Tab> tabs = new ArrayList<>();
        for (MentionStatus s : TABS) tabs.add(new MentionQueueView.Tab(s.label(), url(s, 1), q.counts().getOrDefault(s, 0), s == status));
        SiteSettings site = admin.siteSettings();
        List<MentionQueueView.Row> rows = q.mentions().stream().map(m -> {
            Post post = q.posts().get(m.postId());
            return new MentionQueueView.Row(m.id(), m.kind().label(), m.displayName(), m.authorUrl(), m.source(), m.sourceHost(),
                    m.content(), m.reason(), post == null ? "" : post.title(), post != null && post.isPublic() ? permalinks.apply(post) : null,
                    site.date(m.receivedAt()), site.isoDate(m.receivedAt()));
        }).toList();
        int shownTo = (page - 1) * PER_PAGE + rows.size();
        admin.render(ctx, "webmentions/admin-queue.jte", new MentionQueueView(admin.frame(ctx, "webmentions"), notice(ctx), status,
                tabs, rows, MentionAction.offeredFor(status), page, total, page > 1 ? url(status, page - 1) : null,
                shownTo < total ? url(status, page + 1) : null));
    }

    private void act(Context ctx) {
        Staff me = moderator(ctx);
        MentionStatus status = status(ctx.formParam("status"));
        int page = page(ctx.formParam("page"));
        MentionAction action = MentionAction.of(ctx.formParam("action"));
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : ctx.formParams("id")) if (id.strip().matches("\\d{1,18}")) ids.add(Long.parseLong(id.strip()));
        String back = url(status, page);
        String sep = back.contains("?") ? "&" : "?";
        if (action == null || ids.isEmpty()) {
            ctx.redirect(back + sep + "done=nothing", HttpStatus.SEE_OTHER);
            return;
        }
        int n = webmentions.moderate(me, ids, action);
        ctx.redirect(back + sep + "done=" + action.code() + "&count=" + n, HttpStatus.SEE_OTHER);
    }

    private static Staff moderator(Context ctx) {
        Staff me = Admin.me(ctx);
        if (!Webmentions.mayModerateAny(me)) throw new Forbidden("Your role (" + me.role().label() + ") does not allow moderating webmentions.");
        return me;
    }

    private static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        if (done == null) return null;
        if (done.equals("nothing")) return "Nothing was changed: choose an action and at least one webmention.";
        MentionAction a = MentionAction.of(done);
        String count = ctx.queryParam("count");
        return a == null || count == null || !count.matches("\\d{1,4}") ? null : a.notice(Integer.parseInt(count));
    }

    static String url(MentionStatus status, int page) {
        String url = status == MentionStatus.PENDING ? BASE : BASE + "?status=" + status.sql();
        return page <= 1 ? url : url + (url.contains("?") ? "&" : "?") + "page=" + page;
    }

    private static MentionStatus status(String code) {
        try {
            return code == null || code.isBlank() ? MentionStatus.PENDING : MentionStatus.of(code.strip());
        } catch (IllegalArgumentException e) {
            return MentionStatus.PENDING;
        }
    }

    private static int page(String text) {
        return text != null && text.strip().matches("[1-9]\\d{0,5}") ? Integer.parseInt(text.strip()) : 1;
    }
}
