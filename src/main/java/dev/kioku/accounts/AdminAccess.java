package dev.kioku.accounts;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Staff;
import dev.kioku.web.Csrf;
import dev.kioku.web.Paths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The gate in front of {@code /admin/}: every request there needs a live session (except the sign-in page),
 * and every state-changing request anywhere needs a valid CSRF token (reader forms under {@code /comments/},
 * {@code /readers/} and {@code /subscribe/}: a same-site origin). Runs before any admin handler, so a
 * handler that forgets a check still cannot be reached signed out or cross-site.
 */
final class AdminAccess {
    static final String SESSION_COOKIE = "kioku_session";
    private final Sessions sessions;

    AdminAccess(Sessions sessions) {
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.before(this::guard);
    }

    private static boolean isReaderForm(String path) {
        return path.equals("/comments") || path.startsWith("/comments/") || path.equals("/readers") || path.startsWith("/readers/")
                || path.equals("/subscribe") || path.startsWith("/subscribe/");
    }

    /**
     * The Webmention endpoint: other sites' servers post to it by design (W3C Webmention), with no browser and no
     * session involved, so there is nothing to forge; it only queues a check of the sender's page.
     */
    private static boolean isCrossSiteProtocol(String path) {
        return path.equals("/webmention") || path.equals("/webmention/");
    }

    private void guard(Context ctx) {
        String method = ctx.method().name();
        boolean changes = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        String raw = ctx.path();
        if (changes && isCrossSiteProtocol(raw)) return;
        // reader forms live on cached pages, the same bytes for everyone, so they carry no token (see Csrf)
        if (changes && isReaderForm(raw)) Csrf.checkOrigin(ctx);
        else if (changes) Csrf.check(ctx);
        // public pages are the hot path: only decode what might be an admin path (%61dmin too)
        if (!raw.startsWith("/admin") && !raw.contains("%")) return;
        String path = Paths.decode(raw);
        if (!(path.equals("/admin") || path.startsWith("/admin/")) || path.startsWith("/admin/sign-in")) return;
        ctx.header("X-Frame-Options", "DENY");
        Optional<Staff> staff = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (staff.isPresent()) {
            ctx.attribute(Admin.STAFF, staff.get());
            return;
        }
        if (changes || "true".equals(ctx.header("HX-Request"))) {
            // an autosave or form post after the session ended: say so, and let the page keep the text
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8")
                    .result("Your session has ended. Sign in again in another tab, then save: your text is still here.");
            ctx.skipRemainingHandlers();
            return;
        }
        String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
        ctx.redirect("/admin/sign-in/?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
    }
}
