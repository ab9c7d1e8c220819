package dev.kioku.accounts;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Authors;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.authors.Staff;
import dev.kioku.site.SiteService;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Cookies;
import dev.kioku.web.Csrf;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** First-run setup, sign-in (throttled), sign-out and password change. */
public final class AccountRoutes implements Routes {
    private final Authors authors;
    private final Sessions sessions;
    private final SiteService site;
    private final Admin admin;
    private final SignInThrottle throttle;
    private final AdminAccess access;

    public AccountRoutes(Authors authors, Sessions sessions, SiteService site, Admin admin, Clock clock) {
        this.authors = authors;
        this.sessions = sessions;
        this.site = site;
        this.admin = admin;
        this.throttle = new SignInThrottle(clock);
        this.access = new AdminAccess(sessions);
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        access.register(r);
        r.get("/setup", this::setupForm);
        r.post("/setup", this::setup);
        r.get("/admin/sign-in", this::signInForm);
        r.post("/admin/sign-in", this::signIn);
        r.post("/admin/sign-out", this::signOut);
        r.get("/admin/password", ctx -> render(ctx, "password", null, "", "", ""));
        r.post("/admin/password", this::changePassword);
    }

    // ---- first run

    private void setupForm(Context ctx) {
        if (authors.ownerEmail().isPresent()) throw new NotFound("setup is done");
        render(ctx, "setup", null, "", "", site.settings().title());
    }

    private void setup(Context ctx) {
        if (authors.ownerEmail().isPresent()) throw new NotFound("setup is done");
        String email = field(ctx, "email");
        String name = field(ctx, "name");
        String title = field(ctx, "siteTitle");
        try {
            if (title.isBlank()) throw new IllegalArgumentException("the blog needs a title");
            Staff owner = staffOf(authors.create(new NewAuthor(email, name, Role.OWNER, password(ctx, "password"), "", null, null, List.of())).id());
            SiteSettings s = site.settings();
            site.update(s.withTitle(title.strip()));
            startSession(ctx, owner);
            ctx.redirect("/admin/?notice=welcome");
        } catch (IllegalArgumentException e) {
            ctx.status(422);
            render(ctx, "setup", sentence(e.getMessage()), email, name, title);
        }
    }

    // ---- sign-in and out

    private void signInForm(Context ctx) {
        if (authors.ownerEmail().isEmpty()) {
            ctx.redirect("/setup/");
            return;
        }
        render(ctx, "sign-in", null, "", "", "");
    }

    private void signIn(Context ctx) {
        String email = field(ctx, "email");
        String ip = ctx.ip();
        Duration wait = throttle.wait(email, ip);
        if (!wait.isZero()) {
            ctx.status(429);
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            render(ctx, "sign-in", "Too many failed sign-ins. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."), email, "", "");
            return;
        }
        Optional<Staff> staff = authors.signIn(email, password(ctx, "password"));
        if (staff.isEmpty()) {
            throttle.failed(email, ip);
            ctx.status(401);
            render(ctx, "sign-in", "That email and password do not match an account.", email, "", "");
            return;
        }
        throttle.succeeded(email);
        sessions.end(ctx.cookie(AdminAccess.SESSION_COOKIE));
        startSession(ctx, staff.get());
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    private void signOut(Context ctx) {
        sessions.end(ctx.cookie(AdminAccess.SESSION_COOKIE));
        ctx.removeCookie(AdminAccess.SESSION_COOKIE, "/");
        ctx.redirect("/admin/sign-in/?notice=signed-out");
    }

    private void changePassword(Context ctx) {
        Staff me = Admin.me(ctx);
        try {
            char[] next = password(ctx, "newPassword");
            if (!java.util.Arrays.equals(next, password(ctx, "repeatPassword"))) throw new IllegalArgumentException("the two new passwords differ");
            authors.changePassword(me.id(), password(ctx, "currentPassword"), next);
            sessions.endAllOf(me.id(), ctx.cookie(AdminAccess.SESSION_COOKIE));
            ctx.redirect("/admin/?notice=password-changed");
        } catch (IllegalArgumentException e) {
            ctx.status(422);
            render(ctx, "password", sentence(e.getMessage()), "", "", "");
        }
    }

    // ---- helpers

    /** A new session id at every sign-in (no fixation), and a new CSRF token with it. */
    private void startSession(Context ctx, Staff staff) {
        Cookie cookie = new Cookie(AdminAccess.SESSION_COOKIE, sessions.start(staff.id()));
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(Cookies.secure(ctx));
        cookie.setMaxAge((int) Sessions.IDLE.toSeconds());
        ctx.cookie(cookie);
        Csrf.renew(ctx);
    }

    private Staff staffOf(long id) {
        return authors.staff(id).orElseThrow();
    }

    private void render(Context ctx, String kind, String error, String email, String name, String title) {
        String next = ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next");
        admin.render(ctx, "accounts/form.jte", new AccountForm(admin.frame(ctx, kind), kind, error, email, name, title,
                safeNext(next)));
    }

    /** Only a path inside the admin; anything else (another host, //evil) goes to the dashboard. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin") || next.startsWith("//") || next.contains("\\")) return "/admin/";
        return next;
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    private static char[] password(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? new char[0] : v.toCharArray();
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) return "Something is not right with this form.";
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
