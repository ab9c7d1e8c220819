package dev.kioku.webmentions;

import dev.kioku.web.PublicPages;
import dev.kioku.web.RateLimit;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code /webmention/}: the endpoint other sites post {@code source} and {@code target} to (form-encoded). It
 * answers 202 Accepted with a {@code Location} to the mention's status, or 400 with the reason in plain text.
 * There is no CSRF token (servers call it, not browsers); each address may send a few a minute.
 */
public final class WebmentionRoutes implements Routes {
    static final int PER_IP_MINUTE = 10;
    static final int PER_IP_HOUR = 60;
    private final Webmentions webmentions;
    private final Supplier<String> publicBase;
    private final RateLimit minute;
    private final RateLimit hour;

    /** @param publicBase the site's address without a trailing slash, for the status URL */
    public WebmentionRoutes(Webmentions webmentions, Supplier<String> publicBase, Clock clock) {
        this.webmentions = webmentions;
        this.publicBase = publicBase;
        this.minute = new RateLimit(clock, PER_IP_MINUTE, Duration.ofMinutes(1));
        this.hour = new RateLimit(clock, PER_IP_HOUR, Duration.ofHours(1));
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.post("/webmention", this::receive);
        r.get("/webmention", ctx -> text(ctx, 200, "This is the Webmention endpoint of this site. POST source and target, "
                + "form-encoded (https://www.w3.org/TR/webmention/)."));
        r.get("/webmention/{token}", this::status);
    }

    private void receive(Context ctx) {
        String ip = ctx.ip();
        Duration wait = longest(minute.wait(ip), hour.wait(ip));
        if (!wait.isZero()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            text(ctx, 429, "Too many webmentions from your address; try again in " + Math.max(1, wait.toSeconds()) + " seconds.");
            return;
        }
        minute.acquire(ip);
        hour.acquire(ip);
        try {
            String token = webmentions.receive(ctx.formParam("source"), ctx.formParam("target"), ip);
            ctx.header("Location", publicBase.get() + "/webmention/" + token + "/");
            text(ctx, 202, "Accepted: the source will be checked for a link to the target, and shown after moderation.");
        } catch (Refusal e) {
            text(ctx, e.status(), e.getMessage());
        }
    }

    private void status(Context ctx) {
        String token = ctx.pathParam("token");
        if (!token.matches("[A-Za-z0-9_-]{10,64}")) {
            text(ctx, 404, "No such webmention.");
            return;
        }
        webmentions.statusText(token).ifPresentOrElse(s -> text(ctx, 200, s), () -> text(ctx, 404, "No such webmention."));
    }

    private static void text(Context ctx, int status, String body) {
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/plain; charset=utf-8").result(body + "\n");
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
