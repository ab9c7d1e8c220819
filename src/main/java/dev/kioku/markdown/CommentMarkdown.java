package dev.kioku.markdown;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The small Markdown readers may use in comments: paragraphs (a single newline is a line break), links and
 * bare URLs, emphasis, inline and fenced code, and quotes. No headings, lists, images or raw HTML: those are
 * shown as the text that was typed. Every link gets {@code rel="nofollow ugc"}. Thread-safe; build once.
 */
public final class CommentMarkdown {
    private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create());
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching((el, attr, value) -> HtmlPolicy.validUrl(value)).onElements("a")
            .requireRelsOnLinks("nofollow", "ugc")
            .toFactory();

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class))
            .maxOpenBlockParsers(Markdown.MAX_NESTING)
            .maxInlineNesting(Markdown.MAX_NESTING)
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .percentEncodeUrls(true)
            .softbreak("<br>\n")
            .nodeRendererFactory(context -> new ImageAsLink(context.getWriter(), context))
            .build();

    /**
     * @param source what the reader typed; null is treated as empty
     * @return sanitized HTML, "" for empty input; never throws (text the parser cannot handle is escaped whole)
     */
    public String render(String source) {
        if (source == null || source.isBlank()) return "";
        source = HtmlPolicy.withoutForbiddenCodePoints(source);
        try {
            return POLICY.sanitize(renderer.render(parser.parse(source)));
        } catch (RuntimeException | StackOverflowError e) {
            return POLICY.sanitize("<p>" + source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
        }
    }

    /** How many links the rendered HTML holds, for the "hold when more than N links" rule. */
    public static int links(String html) {
        int n = 0;
        for (int i = html.indexOf("<a "); i >= 0; i = html.indexOf("<a ", i + 3)) n++;
        return n;
    }

    /** {@code ![alt](url)} becomes a plain link to the image: readers cannot embed pictures in a comment. */
    private record ImageAsLink(HtmlWriter html, org.commonmark.renderer.html.HtmlNodeRendererContext context) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            html.tag("a", java.util.Map.of("href", context.encodeUrl(image.getDestination())));
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) context.render(child);
            if (image.getFirstChild() == null) html.text(image.getDestination());
            html.tag("/a");
        }
    }
}
