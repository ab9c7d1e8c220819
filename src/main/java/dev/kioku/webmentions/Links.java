package dev.kioku.webmentions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * URLs as Webmention compares them: resolved against the page they appear on, scheme and host in lower case,
 * the default port and the fragment dropped, an empty path written {@code /}. Two URLs that differ only by a
 * trailing slash name the same post (ours answer 301 from one to the other).
 */
final class Links {
    /** A post linking more pages than this notifies the first ones only. */
    static final int MAX_LINKS = 100;
    static final int MAX_URL_LENGTH = 2000;

    private Links() {
    }

    /** {@code href} resolved against {@code base} and normalised; empty unless it is an http(s) URL with a host. */
    static Optional<URI> resolve(URI base, String href) {
        if (href == null || href.length() > MAX_URL_LENGTH) return Optional.empty();
        try {
            URI u = base == null ? new URI(href.strip()) : base.resolve(new URI(href.strip()));
            return normalise(u);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code u} normalised; empty unless it is an absolute http(s) URL with a host and no user info. */
    static Optional<URI> normalise(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = u.getPort() == (scheme.equals("https") ? 443 : 80) ? -1 : u.getPort();
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        try {
            return Optional.of(new URI(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** True when both name one page (see the class comment). */
    static boolean same(URI a, URI b) {
        return key(a).equals(key(b));
    }

    private static String key(URI u) {
        String s = u.toString();
        int q = s.indexOf('?');
        String path = q < 0 ? s : s.substring(0, q);
        if (path.endsWith("/") && path.indexOf('/', path.indexOf("//") + 2) < path.length() - 1) path = path.substring(0, path.length() - 1);
        return q < 0 ? path : path + s.substring(q);
    }

    /** True when {@code u} is on the site at {@code base} (same scheme, host and port). */
    static boolean onSite(URI u, URI base) {
        Optional<URI> b = normalise(base);
        Optional<URI> n = normalise(u);
        return b.isPresent() && n.isPresent() && b.get().getScheme().equals(n.get().getScheme())
                && b.get().getHost().equals(n.get().getHost()) && b.get().getPort() == n.get().getPort();
    }

    /**
     * The other sites' pages a post's HTML links to ({@code a[href]}), in order, each once, at most
     * {@value #MAX_LINKS}; links to {@code site} itself are left out.
     */
    static Set<URI> external(String html, URI page, URI site) {
        Set<URI> out = new LinkedHashSet<>();
        for (Element a : Jsoup.parseBodyFragment(html == null ? "" : html).select("a[href]")) {
            Optional<URI> u = resolve(page, a.attr("href"));
            if (u.isPresent() && !onSite(u.get(), site)) out.add(u.get());
            if (out.size() == MAX_LINKS) break;
        }
        return out;
    }

    /** How a URL is logged: host and path, never the query (it may carry a secret). */
    static String forLog(URI u) {
        return (u.getHost() == null ? "?" : u.getHost()) + (u.getRawPath() == null ? "" : u.getRawPath());
    }
}
