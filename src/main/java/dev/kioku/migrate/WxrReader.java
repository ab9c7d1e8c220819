package dev.kioku.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export with StAX, one item at a time, so memory stays flat however large the file.
 *
 * <p>Why namespaces are matched loosely: exports say {@code http://wordpress.org/export/1.2/}, newer ones
 * {@code https://…}, and 1.0 and 1.1 files their own version; any namespace URI containing
 * {@code wordpress.org/export} is WordPress's (its {@code …/excerpt/} sub-namespace is the excerpt). A {@code wp:}
 * prefix bound to any other URI is someone else's element and is ignored.
 *
 * <p>Why a DOCTYPE is refused outright: WordPress never writes one, and its only use in an export is entity
 * tricks (billion laughs, external entities reading local files). DTDs and external entities are also switched
 * off in the parser itself.
 */
final class WxrReader {
    /** Post meta worth keeping; the rest (often serialized PHP) is dropped as it is read. */
    private static final Set<String> META_KEPT = Set.of("_thumbnail_id", "_wp_attachment_image_alt", "_wp_attached_file", "_wp_old_slug",
            WxrWriter.MARKDOWN, WxrWriter.SERIES, WxrWriter.SERIES_PART, WxrWriter.REVIEW);
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final XMLInputFactory factory;

    WxrReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /**
     * Reads {@code file} from start to end, handing each part to {@code listener} in file order.
     *
     * @throws WxrException naming the line when the file is not well-formed XML, carries a DOCTYPE, is cut short or
     *                      is not an RSS export; parts before that point have been handed over already
     */
    void read(Path file, Wxr.Listener listener) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            try {
                new Pass(x, listener).document();
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            throw new WxrException(describe(e));
        } catch (IOException e) {
            throw new WxrException("cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** {@code line 14: XML document structures must start and end within the same entity.} */
    static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int m = message.indexOf("Message: ");
        if (m >= 0) message = message.substring(m + "Message: ".length());
        message = message.replaceAll("\\s+", " ").strip();
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        return (line > 0 ? "line " + line + ": " : "") + message;
    }

    /** One reading of one file. */
    private static final class Pass {
        private final XMLStreamReader x;
        private final Wxr.Listener listener;
        private String title;
        private String link;
        private String baseSite;
        private String baseBlog;
        private String version;
        private boolean channelSent;

        Pass(XMLStreamReader x, Wxr.Listener listener) {
            this.x = x;
            this.listener = listener;
        }

        void document() throws XMLStreamException {
            if (!toNextElement()) throw new WxrException("the file holds no XML elements: not a WordPress export");
            if (!x.getLocalName().equals("rss")) {
                throw new WxrException("line " + line() + ": <" + x.getLocalName() + "> is not <rss>: not a WordPress export");
            }
            boolean sawChannel = false;
            while (nextChildOf()) {
                if (x.getLocalName().equals("channel") && ns().isEmpty()) {
                    sawChannel = true;
                    channel();
                } else {
                    skip();
                }
            }
            while (x.hasNext()) x.next(); // to the end, so a truncated tail is noticed
            if (!sawChannel) throw new WxrException("no <channel> in <rss>: not a WordPress export");
            sendChannel();
        }

        private void channel() throws XMLStreamException {
            while (nextChildOf()) {
                String name = key();
                switch (name) {
                    case "title" -> title = text();
                    case "link" -> link = text();
                    case "wp:wxr_version" -> version = text();
                    case "wp:base_site_url" -> baseSite = text();
                    case "wp:base_blog_url" -> baseBlog = text();
                    case "wp:author" -> {
                        sendChannel();
                        Map<String, String> f = fields();
                        listener.author(new Wxr.Author(number(f.get("wp:author_id")), f.getOrDefault("wp:author_login", ""),
                                f.getOrDefault("wp:author_email", ""), f.getOrDefault("wp:author_display_name", "")));
                    }
                    case "wp:category" -> {
                        sendChannel();
                        Map<String, String> f = fields();
                        listener.term(new Wxr.Term("category", f.getOrDefault("wp:category_nicename", ""), f.getOrDefault("wp:cat_name", ""),
                                number(f.get("wp:term_id"))));
                    }
                    case "wp:tag" -> {
                        sendChannel();
                        Map<String, String> f = fields();
                        listener.term(new Wxr.Term("post_tag", f.getOrDefault("wp:tag_slug", ""), f.getOrDefault("wp:tag_name", ""),
                                number(f.get("wp:term_id"))));
                    }
                    case "wp:term" -> {
                        sendChannel();
                        Map<String, List<String>> meta = new HashMap<>();
                        Map<String, String> f = fields("wp:termmeta", meta);
                        listener.term(new Wxr.Term(f.getOrDefault("wp:term_taxonomy", ""), f.getOrDefault("wp:term_slug", ""),
                                f.getOrDefault("wp:term_name", ""), number(f.get("wp:term_id")), f.getOrDefault("wp:term_description", ""),
                                meta));
                    }
                    case "item" -> {
                        sendChannel();
                        listener.item(item());
                    }
                    default -> skip();
                }
            }
        }

        private void sendChannel() {
            if (channelSent) return;
            channelSent = true;
            listener.channel(new Wxr.Channel(title, link, baseSite, baseBlog, version));
        }

        private Wxr.Item item() throws XMLStreamException {
            int line = line();
            Map<String, String> f = new HashMap<>();
            List<Wxr.ItemTerm> terms = new ArrayList<>();
            Map<String, String> meta = new HashMap<>();
            List<Wxr.Comment> comments = new ArrayList<>();
            while (nextChildOf()) {
                String name = key();
                switch (name) {
                    case "category" -> {
                        String domain = x.getAttributeValue(null, "domain");
                        String nicename = x.getAttributeValue(null, "nicename");
                        String text = text();
                        terms.add(new Wxr.ItemTerm(domain == null ? "category" : domain, nicename == null ? "" : nicename, text));
                    }
                    case "wp:postmeta" -> {
                        Map<String, String> m = fields();
                        String k = m.getOrDefault("wp:meta_key", "");
                        if (META_KEPT.contains(k)) meta.merge(k, m.getOrDefault("wp:meta_value", ""), (a, b) -> a + "\n" + b);
                    }
                    case "wp:comment" -> {
                        Map<String, List<String>> cm = new HashMap<>();
                        Map<String, String> c = fields("wp:commentmeta", cm);
                        Map<String, String> kept = new HashMap<>();
                        List<String> md = cm.get(WxrWriter.MARKDOWN);
                        if (md != null) kept.put(WxrWriter.MARKDOWN, md.getFirst());
                        comments.add(new Wxr.Comment(number(c.get("wp:comment_id")), c.getOrDefault("wp:comment_author", ""),
                                c.getOrDefault("wp:comment_author_email", ""), c.getOrDefault("wp:comment_author_url", ""),
                                c.getOrDefault("wp:comment_author_IP", ""),
                                date(c.get("wp:comment_date_gmt"), c.get("wp:comment_date"), null),
                                c.getOrDefault("wp:comment_content", ""), c.getOrDefault("wp:comment_approved", "").strip(),
                                c.getOrDefault("wp:comment_type", "").strip(), number(c.get("wp:comment_parent")),
                                number(c.get("wp:comment_user_id")), kept));
                    }
                    default -> f.putIfAbsent(name, text());
                }
            }
            return new Wxr.Item(line, number(f.get("wp:post_id")), f.getOrDefault("title", ""), f.getOrDefault("link", ""),
                    f.getOrDefault("guid", ""), f.getOrDefault("wp:post_type", "").strip(), f.getOrDefault("wp:status", "").strip(),
                    f.getOrDefault("wp:post_name", "").strip(), date(f.get("wp:post_date_gmt"), f.get("wp:post_date"), f.get("pubDate")),
                    date(f.get("wp:post_modified_gmt"), f.get("wp:post_modified"), null), f.getOrDefault("dc:creator", "").strip(),
                    f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""), number(f.get("wp:post_parent")),
                    "1".equals(f.getOrDefault("wp:is_sticky", "0").strip()), f.getOrDefault("wp:post_password", ""),
                    f.getOrDefault("wp:comment_status", "open").strip(), f.getOrDefault("wp:attachment_url", "").strip(),
                    terms, meta, comments);
        }

        /** The text of each child element, by {@link #key()}; the first of two same-named children wins. */
        private Map<String, String> fields() throws XMLStreamException {
            return fields(null, null);
        }

        /** Like {@link #fields()}, collecting the key/value children of each {@code metaElement} child into {@code meta}. */
        private Map<String, String> fields(String metaElement, Map<String, List<String>> meta) throws XMLStreamException {
            Map<String, String> f = new HashMap<>();
            while (nextChildOf()) {
                String name = key();
                if (name.equals(metaElement)) {
                    Map<String, String> m = fields();
                    meta.computeIfAbsent(m.getOrDefault("wp:meta_key", ""), k -> new ArrayList<>()).add(m.getOrDefault("wp:meta_value", ""));
                } else {
                    f.putIfAbsent(name, text());
                }
            }
            return f;
        }

        /**
         * Moves to the next child element of the current element and returns true, or past the current element's end
         * and returns false. Text between children is skipped.
         */
        private boolean nextChildOf() throws XMLStreamException {
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) return true;
                if (e == XMLStreamConstants.END_ELEMENT) return false;
                if (e == XMLStreamConstants.DTD) throw doctype();
            }
            throw new WxrException("line " + line() + ": the file ends in the middle of an element (cut short?)");
        }

        private boolean toNextElement() throws XMLStreamException {
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) return true;
                if (e == XMLStreamConstants.DTD) throw doctype();
            }
            return false;
        }

        private WxrException doctype() {
            return new WxrException("line " + line() + ": the file has a DOCTYPE; WordPress exports have none, and its entities"
                    + " (billion laughs, external files) are refused");
        }

        /** All text inside the current element (nested elements' text included), leaving the reader at its end. */
        private String text() throws XMLStreamException {
            StringBuilder out = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                if (!x.hasNext()) throw new WxrException("line " + line() + ": the file ends in the middle of an element (cut short?)");
                int e = x.next();
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> out.append(x.getText());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new WxrException("line " + line() + ": undeclared entity &"
                            + x.getLocalName() + ";");
                    default -> {
                    }
                }
            }
            return out.toString();
        }

        private void skip() throws XMLStreamException {
            text();
        }

        /** {@code wp:post_id}, {@code content:encoded}, {@code title}: the element's name with a prefix by namespace. */
        private String key() {
            return ns() + x.getLocalName();
        }

        private String ns() {
            String uri = x.getNamespaceURI();
            if (uri == null || uri.isEmpty()) return "";
            if (uri.contains("wordpress.org/export")) return uri.contains("/excerpt") ? "excerpt:" : "wp:";
            if (uri.equals("http://purl.org/rss/1.0/modules/content/")) return "content:";
            if (uri.equals("http://purl.org/dc/elements/1.1/")) return "dc:";
            return "?:";
        }

        private int line() {
            return x.getLocation() == null ? -1 : x.getLocation().getLineNumber();
        }
    }

    static long number(String s) {
        if (s == null) return 0;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The GMT date when usable, else the local one read as UTC, else the RSS date; null when none is. */
    static Instant date(String gmt, String local, String rss) {
        Instant at = wpDate(gmt);
        if (at == null && rss != null && !rss.isBlank()) {
            try {
                at = ZonedDateTime.parse(rss.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                // fall through to the local date
            }
        }
        return at != null ? at : wpDate(local);
    }

    private static Instant wpDate(String s) {
        if (s == null || s.isBlank() || s.startsWith("0000")) return null;
        try {
            return LocalDateTime.parse(s.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
