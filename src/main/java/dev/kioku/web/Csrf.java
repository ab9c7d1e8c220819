package dev.kioku.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;

/**
 * Cross-site request forgery defence for every state-changing request: the browser must send back, in a
 * form field or header, the random value of a cookie that only this site can read (double submit), and an
 * {@code Origin} header, when present, must be this site.
 *
 * <p>Why a cookie and not a session value: the sign-in and setup forms need protection before there is a
 * session. The cookie is HttpOnly and SameSite=Strict, renewed at sign-in, and compared in constant time.
 */
public final class Csrf {
    public static final String COOKIE = "kioku_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    /** The token to put in this page's forms, setting the cookie when the browser has none. */
    public static String token(Context ctx) {
        String existing = ctx.cookie(COOKIE);
        if (existing != null && existing.length() >= 32) return existing;
        return renew(ctx);
    }

    /** A fresh token (at sign-in, so a token planted before sign-in is worthless after). */
    public static String renew(Context ctx) {
        String token = Tokens.random(24);
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure(Cookies.secure(ctx));
        ctx.cookie(cookie);
        ctx.attribute(COOKIE, token);
        return token;
    }

    /** @throws Forbidden when the token is missing or wrong, or the request came from another site */
    public static void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameHost(origin, requestHost(ctx))) {
            throw new Forbidden("This form was sent from another site.");
        }
        String expected = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null) sent = ctx.formParam(FIELD);
        if (expected == null || sent == null || !java.security.MessageDigest.isEqual(expected.getBytes(), sent.getBytes())) {
            throw new Forbidden("Your session's security token is missing or out of date. Reload the page and try again; what you typed is kept in the form.");
        }
    }

    /**
     * The check for public forms on cached pages (comments), which cannot carry a per-browser token: a browser
     * says where a form came from ({@code Origin}, else {@code Referer}), and it must be this site. A request
     * naming neither comes from no browser page, so it forges nothing on a reader's behalf.
     *
     * @throws Forbidden when the request came from another site
     */
    public static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        // "null" is what a sandboxed or privacy-stripped cross-site page sends: not ours
        if ("null".equals(origin)) throw new Forbidden("This form was sent from another site.");
        if (origin == null) origin = ctx.header("Referer");
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site")) || origin != null && !sameHost(origin, requestHost(ctx))) {
            throw new Forbidden("This form was sent from another site.");
        }
    }

    /**
     * The address the browser asked for: HTTP/1.1 sends it as the {@code Host} header, HTTP/2 as the
     * {@code :authority} pseudo-header, which Jetty keeps in the request URI and not among the headers.
     */
    static String requestHost(Context ctx) {
        String host = ctx.header("Host");
        if (host != null) return host;
        String name = ctx.req().getServerName();
        int port = ctx.req().getServerPort();
        boolean defaultPort = port <= 0 || port == ("https".equalsIgnoreCase(ctx.req().getScheme()) ? 443 : 80);
        return name == null ? null : defaultPort ? name : name + ":" + port;
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && (authority.equalsIgnoreCase(host) || uri.getHost().equalsIgnoreCase(host));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
