package dev.kioku.comments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An RSS 2.0 feed of comments (the site's latest, or one post's). Every URL is absolute; {@code html} of each
 * item is the sanitized comment, escaped as text inside {@code <description>} as RSS readers expect.
 */
public record CommentFeed(String title, String link, String selfUrl, String description, String language, String updated,
                          List<Item> items) {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /** One comment: "Comment on TITLE by NAME". */
    public record Item(String title, String link, String creator, String date, String html) {
    }

    /** The feed as a UTF-8 XML document, written by the JDK's XML writer (which escapes every value). */
    public byte[] xml() {
        var out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM);
            w.writeNamespace("dc", DC);
            w.writeStartElement("channel");
            element(w, "title", title);
            element(w, "link", link);
            w.writeEmptyElement("atom", "link", ATOM);
            w.writeAttribute("href", selfUrl);
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            element(w, "description", description == null || description.isBlank() ? title : description);
            element(w, "language", language);
            element(w, "lastBuildDate", updated);
            for (Item item : items) {
                w.writeStartElement("item");
                element(w, "title", item.title());
                element(w, "link", item.link());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(xmlText(item.link()));
                w.writeEndElement();
                w.writeStartElement("dc", "creator", DC);
                w.writeCharacters(xmlText(item.creator()));
                w.writeEndElement();
                element(w, "pubDate", item.date());
                element(w, "description", item.html());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a comment feed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(xmlText(text));
        w.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot hold (controls, lone surrogates), wherever the text came from. */
    static String xmlText(String text) {
        return text == null ? "" : text.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
    }
}
