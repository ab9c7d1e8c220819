package dev.kioku.migrate;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first reading of an export: checks the whole file before anything is written, counts what is in it (for
 * the progress bar) and keeps the little needed to rewrite links before their targets are saved: each item's
 * WordPress id, type, address and attachment file. Content is not kept.
 */
final class ImportPlan implements Wxr.Listener {
    static final Set<String> STORED_TYPES = Set.of("post", "page", "attachment");
    private static final Pattern SIZE_SUFFIX = Pattern.compile("-\\d{1,5}x\\d{1,5}(?=\\.[A-Za-z0-9]{2,5}$)");

    /** What the second reading needs to know of an item before it gets there. */
    record Ref(long wpId, String type, String status, String slug, String title, Instant date, String link, long parent,
               String attachmentUrl, String attachedFile, String alt, String caption, int line) {
    }

    Wxr.Channel channel = new Wxr.Channel(null, null, null, null, null);
    final List<Wxr.Author> authors = new ArrayList<>();
    final Map<String, String> categoryNames = new LinkedHashMap<>();
    final Map<String, String> tagNames = new LinkedHashMap<>();
    final Map<String, Long> categoryIds = new HashMap<>();
    final List<Ref> items = new ArrayList<>();
    final Map<Long, List<Long>> attachmentsOf = new HashMap<>();
    /** Series terms (Kioku's own exports), by slug, in file order. */
    final Map<String, Wxr.Term> series = new LinkedHashMap<>();
    final Set<String> hosts = new HashSet<>();
    long comments;

    @Override
    public void channel(Wxr.Channel c) {
        channel = c;
        for (String u : new String[] {c.link(), c.baseSiteUrl(), c.baseBlogUrl()}) addHost(u);
    }

    @Override
    public void author(Wxr.Author a) {
        authors.add(a);
    }

    @Override
    public void term(Wxr.Term t) {
        if (t.taxonomy().equals("category")) {
            categoryNames.putIfAbsent(t.slug(), t.name());
            if (t.id() != 0) categoryIds.putIfAbsent(t.slug(), t.id());
        }
        else if (t.taxonomy().equals("post_tag")) tagNames.putIfAbsent(t.slug(), t.name());
        else if (t.taxonomy().equals(WxrWriter.SERIES_TAXONOMY) && !t.slug().isBlank()) series.putIfAbsent(t.slug().strip(), t);
    }

    @Override
    public void item(Wxr.Item i) {
        comments += i.comments().size();
        long id = wpId(i);
        items.add(new Ref(id, i.type(), i.status(), i.slug(), i.title(), i.date(), i.link(), i.parent(), i.attachmentUrl(),
                i.meta().getOrDefault("_wp_attached_file", ""), i.meta().getOrDefault("_wp_attachment_image_alt", ""),
                i.excerpt(), i.line()));
        if (i.type().equals("attachment") && i.parent() != 0) attachmentsOf.computeIfAbsent(i.parent(), k -> new ArrayList<>()).add(id);
        if (STORED_TYPES.contains(i.type())) addHost(i.link());
    }

    /** The item's WordPress id; for an item without one, a stable negative number made from its guid, link or title. */
    static long wpId(Wxr.Item i) {
        if (i.postId() != 0) return i.postId();
        String key = !i.guid().isBlank() ? i.guid() : !i.link().isBlank() ? i.link() : i.title() + "@" + i.line();
        return -1 - (key.hashCode() & 0x7fffffffL);
    }

    long count(String type) {
        return items.stream().filter(r -> r.type().equals(type)).count();
    }

    private void addHost(String url) {
        String host = host(url);
        if (host != null) hosts.add(host);
    }

    static String host(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            String h = URI.create(url.strip().replace(" ", "%20")).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The path (and query) of a URL, or null when it is not one; {@code /} for the bare site address. */
    static String pathOf(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            URI u = URI.create(url.strip().replace(" ", "%20"));
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : decode(u.getRawPath());
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Where an uploaded file lives under {@code wp-content/uploads}: {@code 2008/06/canola2.jpg} for
     * {@code https://site/wp-content/uploads/2008/06/canola2.jpg}; with {@code original}, a smaller copy's address
     * ({@code canola2-150x150.jpg}) names its original.
     */
    static String uploadKey(String url, boolean original) {
        String path = pathOf(url);
        if (path == null) return null;
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        int u = path.indexOf("/uploads/");
        String rel = u >= 0 ? path.substring(u + "/uploads/".length()) : path.replaceFirst("^/+", "");
        if (!original) return rel;
        Matcher m = SIZE_SUFFIX.matcher(rel);
        return m.find() ? m.replaceFirst("") : rel;
    }
}
