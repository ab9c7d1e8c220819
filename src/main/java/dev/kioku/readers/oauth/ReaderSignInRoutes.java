package dev.kioku.readers.oauth;

import dev.kioku.readers.Readers;
import dev.kioku.site.SiteService;
import dev.kioku.web.Cookies;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /readers/sign-in/{id}/?return=/path} sends the reader to the provider (from a popup, {@code &popup=1}, by
 * way of a "Connecting to …" page); {@code /readers/callback/{id}/} checks what comes back, signs the reader in
 * and sends them back to the comment form, or, in a popup, tells the page that opened it and closes. Every
 * refusal is a 400 page that says why, and no session.
 */
final class ReaderSignInRoutes implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderSignInRoutes.class);
    /** Ties an attempt to the browser that started it; only its hash is stored with the attempt. */
    static final String BROWSER_COOKIE = "kioku_reader_auth";
    private final SignInProviders providers;
    private final SignInAttempts attempts;
    private final Readers readers;
    private final SiteService site;
    private final Templates templates;
    private final String popupScriptUrl;

    ReaderSignInRoutes(SignInProviders providers, SignInAttempts attempts, Readers readers, SiteService site,
                       Templates templates, String popupScriptUrl) {
        this.providers = providers;
        this.attempts = attempts;
        this.readers = readers;
        this.site = site;
        this.templates = templates;
        this.popupScriptUrl = popupScriptUrl;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/readers/sign-in/{id}", this::start);
        pages.routes().get("/readers/callback/{id}", this::callback);
    }

    private void start(Context ctx) {
        Provider p = providers.usable(ctx.pathParam("id")).orElseThrow(() -> new NotFound("no sign-in " + ctx.pathParam("id")));
        String asked = ctx.queryParam("return");
        String back = Readers.safeReturn(asked);
        if (asked != null && !asked.isEmpty() && !back.equals(asked)) {
            refuse(ctx, new SignInRefused("After signing in, Kioku only sends you to pages of this site, and this link "
                    + "asked for another address."), "/");
            return;
        }
        boolean popup = "1".equals(ctx.queryParam("popup"));
        try {
            SignInAttempts.Started s = attempts.start(p, asked == null || asked.isEmpty() ? "/" : back, popup, browser(ctx));
            if (!popup) {
                noStore(ctx).redirect(s.authorization().toString(), HttpStatus.FOUND);
                return;
            }
            render(ctx, 200, SignInPage.connecting(site.site(), p.label(), s.authorization().toString(), popupScriptUrl));
        } catch (SignInRefused e) {
            refuse(ctx, e, back);
        }
    }

    private void callback(Context ctx) {
        Provider p = providers.usable(ctx.pathParam("id")).orElse(null);
        if (p == null) {
            refuse(ctx, new SignInRefused("Signing in with “" + ctx.pathParam("id") + "” is not offered on this site."), "/");
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> params.put(name, values.isEmpty() ? null : values.get(0)));
        try {
            SignInAttempts.Finished done = attempts.finish(p, params, ctx.cookie(BROWSER_COOKIE));
            readers.signIn(ctx, readers.upsert(done.profile()));
            if (done.popup()) {
                render(ctx, 200, SignInPage.signedIn(site.site(), p.label(), done.profile().displayName(),
                        done.returnPath() + "#respond", popupScriptUrl));
            } else {
                noStore(ctx).redirect(done.returnPath() + "#respond", HttpStatus.SEE_OTHER);
            }
        } catch (SignInRefused e) {
            refuse(ctx, e, "/");
        }
    }

    /** This browser's binding value: the one it has, or a new one in a cookie that only the callback path gets. */
    private static String browser(Context ctx) {
        String existing = ctx.cookie(BROWSER_COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) return existing;
        String value = dev.kioku.web.Tokens.random(32);
        Cookie cookie = new Cookie(BROWSER_COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setPath("/readers/callback/");
        // Lax: the provider's redirect back is a top-level navigation from its site
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(SignInAttempts.MINUTES * 60);
        cookie.setSecure(Cookies.secure(ctx));
        ctx.cookie(cookie);
        return value;
    }

    private void refuse(Context ctx, SignInRefused e, String back) {
        // the cause may name the provider's answer; never the code, tokens or secret, which are not in messages
        String cause = e.getCause() == null || e.getMessage().contains(String.valueOf(e.getCause().getMessage())) ? ""
                : " (" + e.getCause().getMessage() + ")";
        LOG.info("reader sign-in refused at {}: {}{}", ctx.path(), e.getMessage(), cause);
        render(ctx, 400, SignInPage.refused(site.site(), e.getMessage(), back));
    }

    private void render(Context ctx, int status, SignInPage page) {
        noStore(ctx).status(status).contentType("text/html; charset=utf-8").result(templates.render("readers/sign-in.jte", page));
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }
}
