package dev.kioku.webmentions;

import dev.kioku.net.HttpFetcher;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Finds a page's Webmention endpoint as the W3C recommendation says: first an HTTP {@code Link} header with
 * {@code rel="webmention"}, then the first {@code <link>} or {@code <a>} element with that rel in document
 * order. The endpoint is resolved against the page's URL after redirects (an empty {@code href} is the page
 * itself), and keeps its query string.
 */
final class Discovery {
    private static final Pattern LINK_VALUE = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]*(?:\"[^\"]*\"[^;,]*)?)*)");
    private static final Pattern REL = Pattern.compile("(?i);\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))");

    private Discovery() {
    }

    /** The endpoint a fetched page advertises; empty when it advertises none (or only a non-http one). */
    static Optional<URI> endpoint(HttpFetcher.Response page) {
        for (String header : page.headers().allValues("Link")) {
            Matcher link = LINK_VALUE.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    if (hasWebmention(rels)) return resolve(page.uri(), link.group(1));
                }
            }
        }
        String type = page.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) return Optional.empty();
        for (Element e : Jsoup.parse(page.body()).select("link[rel][href], a[rel][href]")) {
            if (hasWebmention(e.attr("rel"))) return resolve(page.uri(), e.attr("href"));
        }
        return Optional.empty();
    }

    private static boolean hasWebmention(String rels) {
        for (String r : rels.strip().split("\\s+")) if (r.equalsIgnoreCase("webmention")) return true;
        return false;
    }

    private static Optional<URI> resolve(URI page, String href) {
        // URI.resolve("") would drop the last path segment; an empty href is the page itself (its fragment aside)
        if (href.isBlank()) return Links.normalise(page);
        return Links.resolve(page, href);
    }
}
