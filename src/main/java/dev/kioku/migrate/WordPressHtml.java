package dev.kioku.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns what WordPress stores ({@code content:encoded}: classic-editor HTML with bare blank-line paragraphs, or
 * block-editor HTML with {@code <!-- wp:… -->} comments, and shortcodes) into Kioku Markdown.
 *
 * <p>Prose, headings, lists, quotes, code, links and images become plain Markdown; an image alone in its
 * paragraph, a {@code [caption]} or a block-editor image figure becomes a Kioku figure ({@code ![alt](src
 * "caption")}). Tables, definition lists and other structures Markdown cannot say are kept as one HTML block,
 * which the Markdown pipeline passes through the same sanitizer as everything else. Audio, video and embeds
 * become links (the sanitizer allows no players). Each change a writer would want to know of is reported.
 */
final class WordPressHtml {
    /** wpautop's block elements: a blank-line chunk starting with one of these is not wrapped in {@code <p>}. */
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*<(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt"
            + "|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|object|embed|script|!--)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRE = Pattern.compile("<pre\\b.*?</pre>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> KEEP_AS_HTML = Set.of("table", "dl", "details");
    private static final Set<String> INLINE_KEPT = Set.of("sup", "sub", "kbd", "mark", "del", "s");
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");
    private static final Pattern ORDERED = Pattern.compile("^(\\d{1,9})([.)])(\\s|$)");
    private static final Pattern HARD_BREAK_START = Pattern.compile("^(?:\\s*\\\\\n)+");
    private static final Pattern HARD_BREAK_END = Pattern.compile("(?:\\\\\n\\s*)+$");
    private static final Set<String> PLAYERS = Set.of("audio", "video", "iframe", "embed", "object");

    /** The Markdown and what was changed on the way (for the import summary). */
    record Converted(String markdown, List<String> notes) {
    }

    private final UnaryOperator<String> urls;
    private final Shortcodes.Gallery gallery;
    private final List<String> notes = new ArrayList<>();
    /** The level of the last heading written; the page's title is the level-1 heading above the text. */
    private int lastHeading = 1;

    /**
     * @param urls    rewrites a link or image address (old site → new site); returns it unchanged when not ours
     * @param gallery the images of a {@code [gallery]}
     */
    private WordPressHtml(UnaryOperator<String> urls, Shortcodes.Gallery gallery) {
        this.urls = urls;
        this.gallery = gallery;
    }

    static Converted convert(String html, UnaryOperator<String> urls, Shortcodes.Gallery gallery) {
        WordPressHtml w = new WordPressHtml(urls, gallery);
        String md = w.markdown(html == null ? "" : html);
        return new Converted(md, List.copyOf(new java.util.LinkedHashSet<>(w.notes)));
    }

    private String markdown(String html) {
        String text = html.replace("\r\n", "\n").replace('\r', '\n');
        if (text.contains("<!--nextpage-->")) notes.add("page breaks (<!--nextpage-->) joined into one page");
        text = text.replace("<!--nextpage-->", "\n\n<hr>\n\n");
        boolean blocks = text.contains("<!-- wp:");
        text = Shortcodes.expand(text, gallery, notes::add);
        if (!blocks) text = autop(text);
        Document doc = Jsoup.parseBodyFragment(text);
        StringBuilder out = new StringBuilder();
        blocks(doc.body(), out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** WordPress's wpautop, reduced: blank-line chunks become paragraphs and single line breaks {@code <br>}; {@code <pre>} is left alone. */
    static String autop(String text) {
        List<String> pres = new ArrayList<>();
        Matcher m = PRE.matcher(text);
        StringBuilder held = new StringBuilder();
        while (m.find()) {
            pres.add(m.group());
            m.appendReplacement(held, Matcher.quoteReplacement("<pre>\u0000" + (pres.size() - 1) + "\u0000</pre>"));
        }
        m.appendTail(held);
        StringBuilder out = new StringBuilder();
        for (String chunk : held.toString().split("\\n\\s*\\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) continue;
            if (BLOCK_START.matcher(c).find()) out.append(c);
            else out.append("<p>").append(c.replace("\n", "<br>\n")).append("</p>");
            out.append("\n\n");
        }
        String result = out.toString();
        for (int i = 0; i < pres.size(); i++) result = result.replace("<pre>\u0000" + i + "\u0000</pre>", pres.get(i));
        return result;
    }

    // ---- blocks

    private void blocks(Element parent, StringBuilder out, String indent) {
        StringBuilder inline = new StringBuilder();
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && isBlock(e)) {
                flush(inline, out, indent);
                block(e, out, indent);
            } else {
                inline(n, inline);
            }
        }
        flush(inline, out, indent);
    }

    private void flush(StringBuilder inline, StringBuilder out, String indent) {
        String text = inline.toString().strip();
        inline.setLength(0);
        if (text.isEmpty()) return;
        out.append(indent(text, indent)).append("\n\n");
    }

    private static boolean isBlock(Element e) {
        if (e.normalName().equals("br")) return false;
        return e.isBlock() || PLAYERS.contains(e.normalName()) || e.normalName().equals("figure");
    }

    private void block(Element e, StringBuilder out, String indent) {
        String name = e.normalName();
        switch (name) {
            case "p" -> paragraph(e, out, indent);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = inlineOf(e).replace("\n", " ").strip();
                if (text.isEmpty()) return;
                // a skipped level (an <h3> right under the title) is invalid HTML: it goes up to the next level
                int level = Math.min(name.charAt(1) - '0', lastHeading + 1);
                if (level != name.charAt(1) - '0') notes.add("heading levels moved up so that none is skipped");
                lastHeading = level;
                out.append(indent).append("#".repeat(level)).append(' ').append(text).append("\n\n");
            }
            case "ul", "ol" -> list(e, out, indent, name.equals("ol"));
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                blocks(e, inner, "");
                String q = inner.toString().strip();
                if (!q.isEmpty()) out.append(indent(q.lines().map(l -> l.isEmpty() ? ">" : "> " + l)
                        .collect(java.util.stream.Collectors.joining("\n")), indent)).append("\n\n");
            }
            case "pre" -> code(e, out, indent);
            case "hr" -> out.append(indent).append("* * *\n\n");
            case "figure" -> figure(e, out, indent);
            case "script", "style", "noscript", "form", "button", "input", "select", "textarea" -> notes.add("<" + name + "> left out");
            default -> {
                if (PLAYERS.contains(name)) player(e, out, indent);
                else if (KEEP_AS_HTML.contains(name)) html(e, out, indent);
                else blocks(e, out, indent); // div, section, article…: their content
            }
        }
    }

    private void paragraph(Element p, StringBuilder out, String indent) {
        boolean nestedBlocks = p.children().stream().anyMatch(WordPressHtml::isBlock);
        if (nestedBlocks) {
            blocks(p, out, indent);
            return;
        }
        String text = inlineOf(p).strip();
        if (!text.isEmpty()) out.append(indent(text, indent)).append("\n\n");
    }

    private void list(Element list, StringBuilder out, String indent, boolean ordered) {
        int n = 1;
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) continue;
            String marker = ordered ? (n++) + ". " : "- ";
            StringBuilder inner = new StringBuilder();
            blocks(li, inner, "");
            String body = inner.toString().strip().replaceAll("\n{3,}", "\n\n");
            if (body.isEmpty()) body = "\u200b";
            String pad = " ".repeat(marker.length());
            String[] lines = body.split("\n", -1);
            out.append(indent).append(marker).append(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) out.append(lines[i].isEmpty() ? "" : indent + pad + lines[i]).append('\n');
        }
        out.append('\n');
    }

    private void code(Element pre, StringBuilder out, String indent) {
        String text = pre.wholeText();
        if (text.startsWith("\n")) text = text.substring(1);
        String fence = "```";
        while (text.contains(fence)) fence += "`";
        Element code = pre.selectFirst("code[class*=language-]");
        String lang = code == null ? "" : code.className().replaceAll(".*language-([a-z0-9+#-]+).*", "$1");
        out.append(indent).append(fence).append(lang).append('\n');
        for (String line : text.stripTrailing().split("\n", -1)) out.append(indent).append(line).append('\n');
        out.append(indent).append(fence).append("\n\n");
    }

    /** An image figure becomes a Markdown figure; a figure of anything else keeps its content and its caption. */
    private void figure(Element f, StringBuilder out, String indent) {
        Element img = f.selectFirst("img");
        Element caption = f.selectFirst("figcaption");
        boolean onlyImage = img != null && f.select("img").size() == 1 && f.select("table, blockquote, ul, ol, pre").isEmpty();
        if (onlyImage) {
            String title = caption == null ? "" : caption.text().strip();
            out.append(indent).append(image(img, title)).append("\n\n");
            return;
        }
        if (caption != null) caption.remove();
        blocks(f, out, indent);
        if (caption != null && !caption.text().isBlank()) out.append(indent).append('*').append(escape(caption.text().strip())).append("*\n\n");
    }

    private void player(Element e, StringBuilder out, String indent) {
        String src = e.attr("src");
        if (src.isEmpty()) {
            Element source = e.selectFirst("source[src]");
            src = source == null ? e.attr("data") : source.attr("src");
        }
        if (src.isBlank()) {
            notes.add("<" + e.normalName() + "> without a source left out");
            return;
        }
        String name = e.normalName();
        String label = (name.equals("audio") ? "Audio" : name.equals("video") ? "Video" : "Embedded content") + ": " + src.strip();
        notes.add("<" + name + "> turned into a link");
        out.append(indent).append('[').append(escape(label)).append("](").append(destination(urls.apply(src.strip()))).append(")\n\n");
    }

    /** Kept as HTML: one block with no blank line in it (a blank line would end the HTML block in Markdown). */
    private void html(Element e, StringBuilder out, String indent) {
        for (Element a : e.select("a[href]")) a.attr("href", urls.apply(a.attr("href")));
        for (Element i : e.select("img[src]")) i.attr("src", urls.apply(i.attr("src")));
        e.select("script, style").remove();
        String html = e.outerHtml().replaceAll("\n\\s*\n", "\n");
        out.append(html.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(java.util.stream.Collectors.joining("\n"))).append("\n\n");
    }

    // ---- inline

    private String inlineOf(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node n : e.childNodes()) inline(n, b);
        return b.toString();
    }

    private void inline(Node n, StringBuilder out) {
        if (n instanceof TextNode t) {
            out.append(escape(t.text()));
            return;
        }
        if (n instanceof Comment) return;
        if (!(n instanceof Element e)) return;
        String name = e.normalName();
        switch (name) {
            case "br" -> out.append("\\\n");
            case "em", "i", "cite" -> wrap(out, "*", inlineOf(e));
            case "strong", "b" -> wrap(out, "**", inlineOf(e));
            case "code", "tt" -> codeSpan(out, e.text());
            case "img" -> out.append(image(e, e.attr("title")));
            case "a" -> link(e, out);
            case "strike" -> wrapTag(out, "del", inlineOf(e));
            case "acronym" -> wrapTag(out, "abbr", inlineOf(e));
            case "q" -> out.append('“').append(inlineOf(e)).append('”');
            case "script", "style" -> notes.add("<" + name + "> left out");
            default -> {
                if (INLINE_KEPT.contains(name)) wrapTag(out, name, inlineOf(e));
                else if (name.equals("abbr") && e.hasAttr("title")) {
                    out.append("<abbr title=\"").append(e.attr("title").replace("&", "&amp;").replace("\"", "&quot;")).append("\">")
                            .append(inlineOf(e)).append("</abbr>");
                } else if (isBlock(e)) {
                    StringBuilder inner = new StringBuilder();
                    blocks(e, inner, "");
                    out.append(inner.toString().strip().replace("\n\n", "\\\n"));
                } else {
                    out.append(inlineOf(e)); // span, u, big, ins, font…: their content
                }
            }
        }
    }

    private void link(Element a, StringBuilder out) {
        String text = inlineOf(a);
        String href = a.attr("href").strip();
        if (href.isEmpty() || href.startsWith("javascript:")) {
            out.append(text);
            return;
        }
        if (text.isBlank()) text = escape(href);
        String title = a.attr("title");
        out.append('[').append(text).append("](").append(destination(urls.apply(href)));
        if (!title.isBlank()) out.append(" \"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        out.append(')');
    }

    private String image(Element img, String caption) {
        String src = img.attr("src").strip();
        if (src.isEmpty()) return "";
        String alt = img.attr("alt").replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("\n", " ");
        StringBuilder b = new StringBuilder("![").append(alt).append("](").append(destination(urls.apply(src)));
        if (caption != null && !caption.isBlank()) {
            b.append(" \"").append(caption.strip().replace("\n", " ").replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append(')').toString();
    }

    private static String destination(String url) {
        String u = url.strip();
        if (u.matches("[^\\s()<>]*")) return u;
        return "<" + u.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A") + ">";
    }

    private static void wrap(StringBuilder out, String marker, String inner) {
        // a line break at either end of emphasis (<cite>Name<br></cite>) would leave a backslash before the
        // closing tag, escaping it: it becomes a space
        inner = HARD_BREAK_START.matcher(inner).replaceFirst(" ");
        inner = HARD_BREAK_END.matcher(inner).replaceFirst(" ");
        String trimmed = inner.strip();
        if (trimmed.isEmpty()) {
            out.append(inner);
            return;
        }
        if (Character.isWhitespace(inner.charAt(0))) out.append(' ');
        // a marker next to punctuation may not open emphasis in CommonMark: raw HTML always does
        boolean safe = Character.isLetterOrDigit(trimmed.codePointAt(0)) && Character.isLetterOrDigit(trimmed.codePointBefore(trimmed.length()));
        if (safe) out.append(marker).append(trimmed).append(marker);
        else wrapTag(out, marker.length() == 1 ? "em" : "strong", trimmed);
        if (Character.isWhitespace(inner.charAt(inner.length() - 1))) out.append(' ');
    }

    private static void wrapTag(StringBuilder out, String tag, String inner) {
        out.append('<').append(tag).append('>').append(inner).append("</").append(tag).append('>');
    }

    private static void codeSpan(StringBuilder out, String text) {
        if (text.isEmpty()) return;
        String fence = "`";
        while (text.contains(fence)) fence += "`";
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        out.append(fence).append(pad).append(text).append(pad).append(fence);
    }

    /** Text that reads as itself in Markdown: characters with a Markdown meaning are backslash-escaped. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '_', '`', '[', ']', '<', '>', '#', '|', '~' -> b.append('\\').append(c);
                case '&' -> b.append(ENTITY.matcher(text).region(i, text.length()).lookingAt() ? "\\&" : "&");
                case '\n' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Escapes what would start a list, heading or quote at the start of a line, then indents every line. */
    private static String indent(String text, String indent) {
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].stripLeading();
            Matcher ordered = ORDERED.matcher(l);
            if (ordered.find()) l = ordered.group(1) + "\\" + ordered.group(2) + l.substring(ordered.group(1).length() + 1);
            else if (l.matches("^[-+=](\\s.*|$)") || l.matches("^[-=]{2,}\\s*$")) l = "\\" + l;
            if (i > 0) b.append('\n');
            b.append(indent).append(l);
        }
        return b.toString();
    }
}
