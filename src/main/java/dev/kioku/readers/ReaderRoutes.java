package dev.kioku.readers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.admin.Fields;
import dev.kioku.mail.Outbox;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.Invalid;
import dev.kioku.web.Meta;
import dev.kioku.web.Paths;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The reader's side of signing in that is not a provider's: the emailed link (ask, open, confirm),
 * {@code /readers/me/} for the post page's script, and signing out. Every answer is {@code no-store}: each is
 * one reader's. State-changing POSTs here are checked by Origin, like the comment form (see AdminAccess).
 */
public final class ReaderRoutes implements Routes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Readers readers;
    private final EmailSignIn email;
    private final SiteService site;
    private final Templates templates;
    private final BiFunction<String, String, String> avatars;

    /**
     * @param publicBase the site's public address, for links in mail
     * @param sendNow    run after a sign-in link is queued (the app sends it at once, off the request thread)
     * @param avatars    the fallback picture for an email and name (the identicon), for readers without one
     */
    public ReaderRoutes(Readers readers, Outbox outbox, String publicBase, Runnable sendNow, SiteService site,
                        Templates templates, BiFunction<String, String, String> avatars) {
        this.readers = readers;
        this.email = new EmailSignIn(readers, outbox, publicBase, () -> site.settings().title(), sendNow);
        this.site = site;
        this.templates = templates;
        this.avatars = avatars;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.get("/readers/me", this::me);
        r.post("/readers/sign-out", this::signOut);
        r.get("/readers/email", ctx -> emailForm(ctx, 200, Fields.empty(), Readers.safeReturn(ctx.queryParam("return"))));
        r.post("/readers/email", this::requestLink);
        r.get("/readers/email/{token}", this::openLink);
        r.post("/readers/email/{token}", this::useLink);
    }

    // ---- for the post page's script

    private void me(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType("application/json");
        Optional<Reader> reader = readers.current(ctx);
        if (reader.isEmpty()) {
            ctx.result("{\"signedIn\":false}");
            return;
        }
        Reader r = reader.get();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("signedIn", true);
        me.put("name", r.displayName());
        me.put("avatarUrl", r.avatarUrl() != null ? r.avatarUrl() : avatars.apply(r.email(), r.displayName()));
        me.put("provider", r.provider());
        me.put("providerLabel", readers.label(r.provider()));
        me.put("profileUrl", r.profileUrl());
        me.put("dataUrl", "/readers/me/data/");
        ctx.result(json(me));
    }

    /** Ends the session; the script's call gets 204, a plain form goes back where it came from. */
    private void signOut(Context ctx) {
        readers.signOut(ctx);
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            redirect(ctx, Readers.safeReturn(ctx.formParam("return")));
        }
    }

    // ---- the emailed link

    private void emailForm(Context ctx, int status, Fields form, String returnPath) {
        Site s = site.site();
        html(ctx, status, "readers/email.jte", new ReaderPages.EmailForm(s, meta("Sign in with an email link", s), form, returnPath));
    }

    private void requestLink(Context ctx) {
        Fields typed = Fields.from(ctx, "email");
        String back = Readers.safeReturn(ctx.formParam("return"));
        try {
            email.request(typed.value("email"), back, ctx.ip());
        } catch (Invalid e) {
            emailForm(ctx, 422, typed.withErrors(e.fields()), back);
            return;
        } catch (EmailSignIn.TooMany e) {
            long minutes = Math.max(1, (e.wait.toSeconds() + 59) / 60);
            emailForm(ctx, 429, typed.withError("form", "Too many sign-in links were asked for from here. Please try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes.")), back);
            return;
        }
        notice(ctx, 200, "Check your inbox", "If " + EmailSignIn.address(typed.value("email"))
                + " can receive mail, a sign-in link is on its way. It works once, for 15 minutes. You can close this page.",
                back, "Back");
    }

    private void openLink(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<String> address = email.peek(token);
        if (address.isEmpty()) {
            expired(ctx);
            return;
        }
        Site s = site.site();
        html(ctx, 200, "readers/confirm.jte", new ReaderPages.Confirm(s, meta("Sign in to comment", s), address.get(),
                Fields.of(Map.of("name", email.nameFor(address.get()))), "/readers/email/" + token + "/"));
    }

    private void useLink(Context ctx) {
        Optional<EmailSignIn.Redeemed> used = email.redeem(ctx.pathParam("token"), ctx.formParam("name"));
        if (used.isEmpty()) {
            expired(ctx);
            return;
        }
        readers.signIn(ctx, used.get().reader());
        redirect(ctx, used.get().returnPath() + "#respond");
    }

    private void expired(Context ctx) {
        notice(ctx, 410, "This sign-in link does not work any more",
                "Each link works once, for 15 minutes. You can ask for a new one; you are not signed in.",
                "/readers/email/", "Email me a new link");
    }

    // ---- helpers

    private void notice(Context ctx, int status, String heading, String message, String back, String backLabel) {
        Site s = site.site();
        html(ctx, status, "readers/notice.jte", new ReaderPages.Notice(s, meta(heading, s), heading, message, back, backLabel));
    }

    private static Meta meta(String heading, Site s) {
        return Meta.website(heading + " · " + s.title(), "", null);
    }

    private void html(Context ctx, int status, String template, Object view) {
        ctx.status(status).header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .contentType("text/html; charset=utf-8").result(templates.render(template, view));
    }

    /** 303 to a path that {@link Readers#safeReturn} let through, percent-encoded as a Location must be. */
    private static void redirect(Context ctx, String path) {
        int hash = path.indexOf('#');
        String target = hash < 0 ? Paths.encode(path) : Paths.encode(path.substring(0, hash)) + path.substring(hash);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
