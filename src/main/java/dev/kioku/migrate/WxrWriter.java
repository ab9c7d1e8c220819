package dev.kioku.migrate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The small vocabulary of a WXR 1.2 file on top of an {@link XMLStreamWriter}: elements in the RSS, WordPress,
 * content, excerpt and Dublin Core namespaces, text in CDATA (as WordPress writes it), dates in WordPress's format.
 *
 * <p>The meta keys Kioku adds are read back by {@link WxrReader}: WordPress keeps them as custom fields and ignores
 * them, Kioku restores from them what WordPress has no place for (the exact Markdown, series).
 */
final class WxrWriter {
    static final String WP = "http://wordpress.org/export/1.2/";
    static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String WFW = "http://wellformedweb.org/CommentAPI/";
    /** Post and comment meta: the Markdown source the HTML was rendered from. */
    static final String MARKDOWN = "_kioku_markdown";
    /** Post meta: the slug of the series the post is a part of, and its position there. */
    static final String SERIES = "_kioku_series";
    static final String SERIES_PART = "_kioku_series_part";
    /** Post meta: what the post reviews, as JSON (title, year, creator, kind, url, rating). */
    static final String REVIEW = "_kioku_review";
    /** The custom taxonomy of series terms; term meta {@value #PLANNED} holds one planned part each (JSON). */
    static final String SERIES_TAXONOMY = "kioku_series";
    static final String PLANNED = "_kioku_planned";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final XMLStreamWriter x;
    private final ZoneId zone;

    WxrWriter(XMLStreamWriter x, ZoneId zone) {
        this.x = x;
        this.zone = zone;
    }

    XMLStreamWriter xml() {
        return x;
    }

    void start(String name) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement(name);
    }

    void wpStart(String name) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement("wp", name, WP);
    }

    void end() throws XMLStreamException {
        x.writeEndElement();
    }

    /** {@code <name>text</name>} in the RSS namespace, text escaped. */
    void text(String name, String text) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement(name);
        x.writeCharacters(clean(text));
        x.writeEndElement();
    }

    /** {@code <wp:name>text</wp:name>}, text escaped. */
    void wp(String name, Object text) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement("wp", name, WP);
        x.writeCharacters(clean(String.valueOf(text)));
        x.writeEndElement();
    }

    /** {@code <wp:name><![CDATA[text]]></wp:name>}. */
    void wpData(String name, String text) throws XMLStreamException {
        data("wp", name, WP, text);
    }

    void data(String prefix, String name, String ns, String text) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement(prefix, name, ns);
        cdata(text);
        x.writeEndElement();
    }

    /** Text as CDATA; a {@code ]]>} inside is split over two sections, as XML requires. */
    void cdata(String text) throws XMLStreamException {
        String t = clean(text);
        if (t.isEmpty()) return;
        int from = 0;
        for (int at = t.indexOf("]]>"); at >= 0; at = t.indexOf("]]>", from)) {
            x.writeCData(t.substring(from, at + 2));
            from = at + 2;
        }
        x.writeCData(t.substring(from));
    }

    /** A {@code wp:postmeta} (or {@code wp:commentmeta}, {@code wp:termmeta}) pair. */
    void meta(String element, String key, String value) throws XMLStreamException {
        wpStart(element);
        wpData("meta_key", key);
        wpData("meta_value", value);
        end();
    }

    /** {@code 2026-11-20 10:00:00} in the site's zone (or in GMT with {@code gmt}). */
    String date(Instant at, boolean gmt) {
        return WP_DATE.format(at.atZone(gmt ? ZoneOffset.UTC : zone));
    }

    /** Characters XML 1.0 cannot carry (most control characters, lone surrogates) are dropped. */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && out == null) out = new StringBuilder(s.substring(0, i));
            if (out != null && ok) out.append(c);
        }
        return out == null ? s : out.toString();
    }
}
