package dev.kioku.webmentions;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a source page says about our post: whether it links to it at all, and, from its first microformats2
 * {@code h-entry}, enough to show it: like, repost, reply or plain mention, the author's h-card, the date and
 * the text. Everything comes out as plain text (or an http(s) URL), cut to a length; nothing of the page's HTML
 * survives, so nothing a source writes can reach our pages as markup.
 *
 * <p>Why not a full mf2 parser: we need five properties of one entry; the rules used are the parser's
 * (property classes, {@code href}/{@code src}/{@code datetime} before text, nested h-card for the author).
 */
final class SourcePage {
    static final int MAX_NAME = 100;
    static final int MAX_CONTENT = 500;
    private static final String LINKING = "a[href], area[href], link[href], img[src], video[src], audio[src], source[src]";

    /** What the entry says. All fields may be null but {@code kind}. */
    record Entry(MentionKind kind, String authorName, String authorUrl, String authorPhoto, Instant published, String content) {
    }

    private SourcePage() {
    }

    /**
     * Reads a fetched page.
     *
     * @param page    the URL the page came from (after redirects), for its relative links
     * @param targets the addresses that count as our post (the one the sender named, the post's own)
     * @return empty when no link, image or media element of the page points at one of {@code targets}
     */
    static Optional<Entry> read(String html, URI page, List<URI> targets) {
        Document doc = Jsoup.parse(html, page.toString());
        boolean links = false;
        for (Element e : doc.select(LINKING)) {
            if (isTarget(Links.resolve(page, e.hasAttr("href") ? e.attr("href") : e.attr("src")), targets)) {
                links = true;
                break;
            }
        }
        if (!links) return Optional.empty();
        Element entry = doc.selectFirst(".h-entry");
        if (entry == null) return Optional.of(new Entry(MentionKind.MENTION, null, null, null, null, null));
        MentionKind kind = MentionKind.MENTION;
        if (property(entry, "u-like-of", page, targets)) kind = MentionKind.LIKE;
        else if (property(entry, "u-repost-of", page, targets)) kind = MentionKind.REPOST;
        else if (property(entry, "u-in-reply-to", page, targets)) kind = MentionKind.REPLY;
        String name = null;
        String url = null;
        String photo = null;
        Element author = first(entry, ".p-author, .u-author");
        if (author != null && author.hasClass("h-card")) {
            Element n = first(author, ".p-name");
            name = text(n != null ? n : author, MAX_NAME);
            Element u = first(author, ".u-url");
            // an h-card that is itself a link implies its url (mf2 implied properties)
            url = urlOf(u != null ? u : author.hasAttr("href") ? author : null, page).map(URI::toString).orElse(null);
            photo = urlOf(first(author, ".u-photo"), page).map(URI::toString).orElse(null);
        } else if (author != null) {
            name = text(author, MAX_NAME);
            url = author.hasAttr("href") ? urlOf(author, page).map(URI::toString).orElse(null) : null;
        }
        Element content = first(entry, ".e-content, .p-content");
        if (content == null) content = first(entry, ".p-summary");
        return Optional.of(new Entry(kind, name, url, photo, published(first(entry, ".dt-published")),
                content == null ? null : text(content, MAX_CONTENT)));
    }

    /** True when one of the entry's elements with {@code cls} (or an h-cite's u-url inside it) is a target. */
    private static boolean property(Element entry, String cls, URI page, List<URI> targets) {
        for (Element e : entry.getElementsByClass(cls)) {
            if (isTarget(urlOf(e, page), targets)) return true;
            Element cite = e.hasClass("h-cite") ? first(e, ".u-url") : null;
            if (cite != null && isTarget(urlOf(cite, page), targets)) return true;
        }
        return false;
    }

    private static boolean isTarget(Optional<URI> u, List<URI> targets) {
        return u.isPresent() && targets.stream().anyMatch(t -> Links.same(t, u.get()));
    }

    /** A u-* property's value: href, src, value or data, else the element's text if it is an absolute http(s) URL. */
    private static Optional<URI> urlOf(Element e, URI page) {
        if (e == null) return Optional.empty();
        for (String attr : List.of("href", "src", "value", "data")) {
            if (e.hasAttr(attr)) return Links.resolve(page, e.attr(attr));
        }
        return Links.resolve(null, e.text());
    }

    private static Element first(Element root, String css) {
        return root.selectFirst(css);
    }

    /** The element's visible text, whitespace collapsed, control characters dropped, cut at {@code max} characters. */
    static String text(Element e, int max) {
        String t = e.text().replaceAll("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]", "").replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) return null;
        if (t.codePointCount(0, t.length()) <= max) return t;
        return t.substring(0, t.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    private static Instant published(Element e) {
        if (e == null) return null;
        String value = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("value") ? e.attr("value") : e.text();
        String v = value.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }
}
