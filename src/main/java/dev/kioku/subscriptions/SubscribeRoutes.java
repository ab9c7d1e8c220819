package dev.kioku.subscriptions;

import dev.kioku.admin.Fields;
import dev.kioku.comments.CommentPages;
import dev.kioku.series.SeriesService;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.Invalid;
import dev.kioku.web.Meta;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The reader's side: the subscribe form's POST (from the box on cached pages, checked by Origin like the
 * comment form, see AdminAccess), and the links in mail. Opening a link only shows a button (mail scanners
 * open links on their own); the POST behind it acts. The unsubscribe URL is also the target of mail
 * programs' one-click POST (RFC 8058). Every answer here is one reader's, so none is cached.
 */
public final class SubscribeRoutes implements Routes {
    private final Subscriptions subscriptions;
    private final SeriesService series;
    private final SiteService site;
    private final Templates templates;
    private final Runnable sendNow;

    /** @param sendNow run after a confirmation is queued, so it leaves at once rather than at the outbox job's next run */
    public SubscribeRoutes(Subscriptions subscriptions, SeriesService series, SiteService site, Templates templates, Runnable sendNow) {
        this.subscriptions = subscriptions;
        this.series = series;
        this.site = site;
        this.templates = templates;
        this.sendNow = sendNow;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.get("/subscribe", ctx -> form(ctx, 200, Fields.empty(), seriesId(ctx.queryParam("series"))));
        r.post("/subscribe", this::subscribe);
        r.get("/subscribe/confirm/{token}", this::openConfirmation);
        r.post("/subscribe/confirm/{token}", this::confirm);
        r.get("/subscribe/unsubscribe/{token}", this::openUnsubscribe);
        r.post("/subscribe/unsubscribe/{token}", this::unsubscribe);
    }

    private void subscribe(Context ctx) {
        Fields typed = Fields.from(ctx, "email");
        Long seriesId = seriesId(ctx.formParam("series"));
        // the box's trap field: a person never fills it in; a bot gets the usual answer and nothing is sent
        String trap = ctx.formParam("website");
        if (trap == null || trap.isEmpty()) {
            try {
                subscriptions.request(typed.value("email"), seriesId, ctx.ip());
            } catch (Invalid e) {
                form(ctx, 422, typed.withErrors(e.fields()), seriesId);
                return;
            } catch (Subscriptions.TooMany e) {
                long minutes = Math.max(1, (e.waitFor().toSeconds() + 59) / 60);
                form(ctx, 429, typed.withError("form", "Too many subscriptions were asked for from here. Please try again in "
                        + minutes + (minutes == 1 ? " minute." : " minutes.")), seriesId);
                return;
            }
            sendNow.run();
        }
        notice(ctx, 200, "Check your inbox", "If " + typed.stripped("email") + " can receive mail, a message with a link to "
                + "confirm is on its way. Nothing is sent to it until the link is used. You can close this page.", null, null);
    }

    private void openConfirmation(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<String> email = subscriptions.confirmable(token);
        if (email.isEmpty()) {
            expired(ctx);
            return;
        }
        notice(ctx, 200, "Confirm your subscription", "Get new posts from " + site.site().title() + " at " + email.get() + ".",
                "/subscribe/confirm/" + token + "/", "Confirm subscription");
    }

    private void confirm(Context ctx) {
        Optional<String> email = subscriptions.confirm(ctx.pathParam("token"));
        if (email.isEmpty()) {
            expired(ctx);
            return;
        }
        notice(ctx, 200, "You are subscribed", email.get() + " will get an email when something new is published. "
                + "Each email has a link to unsubscribe.", null, null);
    }

    private void expired(Context ctx) {
        notice(ctx, 410, "This link does not work any more", "A confirmation link works once, for "
                + Subscriptions.CONFIRM_LIFE.toDays() + " days. If you are not subscribed yet, subscribe again to get a new one.",
                null, null);
    }

    private void openUnsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<String> email = subscriptions.unsubscribable(token);
        if (email.isEmpty()) {
            notice(ctx, 200, "Already unsubscribed", "This address gets no emails about new posts from this site.", null, null);
            return;
        }
        notice(ctx, 200, "Unsubscribe?", email.get() + " gets an email when something new is published on "
                + site.site().title() + ".", "/subscribe/unsubscribe/" + token + "/", "Unsubscribe");
    }

    /** The button's POST and a mail program's one-click POST ({@code List-Unsubscribe=One-Click}) alike. */
    private void unsubscribe(Context ctx) {
        subscriptions.unsubscribe(ctx.pathParam("token"));
        notice(ctx, 200, "Unsubscribed", "You will get no more emails about new posts from " + site.site().title() + ".",
                null, null);
    }

    // ---- helpers

    /** A series id from a form or link, or null for none or one that is not a number. */
    private static Long seriesId(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,18}")) return null;
        return Long.parseLong(raw.strip());
    }

    private void form(Context ctx, int status, Fields form, Long seriesId) {
        Site s = site.site();
        String title = null;
        if (seriesId != null) {
            try {
                title = series.get(seriesId).title();
            } catch (IllegalArgumentException e) {
                seriesId = null;
            }
        }
        html(ctx, status, "subscriptions/form.jte", new SubscriptionPages.Form(s, meta("Get new posts by email", s), form,
                seriesId, title));
    }

    private void notice(Context ctx, int status, String heading, String message, String action, String button) {
        Site s = site.site();
        html(ctx, status, "comments/notice.jte", new CommentPages.Notice(s, meta(heading, s), heading, message, action, button,
                "/", "Home"));
    }

    private static Meta meta(String heading, Site s) {
        return Meta.website(heading + " · " + s.title(), "", null);
    }

    private void html(Context ctx, int status, String template, Object view) {
        ctx.status(status).header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .contentType("text/html; charset=utf-8").result(templates.render(template, view));
    }
}
