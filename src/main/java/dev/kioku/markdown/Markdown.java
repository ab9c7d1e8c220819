package dev.kioku.markdown;

import java.util.List;
import java.util.Objects;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders writer Markdown to sanitized HTML: CommonMark with GFM tables, footnotes, autolinks,
 * heading ids, figures and {@code :::spoiler} blocks. Thread-safe; build once.
 *
 * <p>Raw HTML in the source is passed to the renderer (GFM's tagfilter tags, such as
 * {@code <script>}, shown as text) and the whole output is then reduced by {@link HtmlPolicy}, so
 * the policy is the single place that decides what reaches a page.
 */
public final class Markdown {

    static final int EXCERPT_WORDS = 55;
    /** Deeper nesting is kept as text: bounds recursion in rendering and sanitizing. */
    static final int MAX_NESTING = 64;

    private static final System.Logger LOG = System.getLogger(Markdown.class.getName());

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final ImageSizes images;
    private final List<Extension> extensions;

    /**
     * @param images looks up intrinsic sizes of local images; {@link ImageSizes#NONE} for none
     * @throws NullPointerException if {@code images} is null
     */
    public Markdown(ImageSizes images) {
        Objects.requireNonNull(images, "images (use ImageSizes.NONE for none)");
        this.images = images;
        this.extensions = List.of(TablesExtension.create(), FootnotesExtension.create(), AutolinkExtension.create());
        this.parser = Parser.builder()
                .extensions(extensions)
                .customBlockParserFactory(new SpoilerParser.Factory())
                .postProcessor(Figure.PROMOTE)
                .maxOpenBlockParsers(MAX_NESTING)
                .maxInlineNesting(MAX_NESTING)
                .build();
        this.renderer = renderer(SpoilerRenderer::new);
    }

    private HtmlRenderer renderer(HtmlNodeRendererFactory spoilers) {
        return HtmlRenderer.builder()
                .extensions(extensions)
                .percentEncodeUrls(true) // spaces and non-ASCII in URLs are invalid HTML5 as written
                .nodeRendererFactory(context -> new ImageRenderer(context, images))
                .nodeRendererFactory(spoilers)
                .nodeRendererFactory(RawHtmlRenderer::new)
                .attributeProviderFactory(context -> new HeadingIds())
                .attributeProviderFactory(context -> new Html5Attributes())
                .build();
    }

    /**
     * Renders one document. Never throws: input the parser cannot handle comes back as escaped
     * text in one paragraph.
     *
     * @param source Markdown; null is treated as empty
     * @return sanitized HTML, excerpt and word count; all empty/zero for empty input
     */
    public Rendered render(String source) {
        if (source == null || source.isBlank()) return new Rendered("", "", 0);
        source = HtmlPolicy.withoutForbiddenCodePoints(source);
        try {
            Node document = parser.parse(source);
            String html = HtmlPolicy.sanitize(renderer.render(document));
            String excerpt = Words.excerpt(PlainText.prose(document), EXCERPT_WORDS);
            return new Rendered(html, excerpt, Words.count(PlainText.all(document)));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "Markdown could not be rendered; shown as text", e);
            String html = HtmlPolicy.sanitize("<p>" + escape(source) + "</p>");
            return new Rendered(html, Words.excerpt(source, EXCERPT_WORDS), Words.count(source));
        }
    }

    /**
     * Renders one document for places where a spoiler cannot be folded away (feeds, mail): like
     * {@link #render}, with every spoiler block, summary and all, replaced by one line saying the post holds a
     * spoiler and linking to {@code readOnSite}. Never throws.
     *
     * @param source     Markdown; null is treated as empty
     * @param readOnSite absolute URL of the post, where the spoiler can be opened
     * @return sanitized HTML without any spoiler's content; "" for empty input
     */
    public String htmlWithoutSpoilers(String source, String readOnSite) {
        if (source == null || source.isBlank()) return "";
        source = HtmlPolicy.withoutForbiddenCodePoints(source);
        try {
            HtmlRenderer feedRenderer = renderer(context -> new SpoilerRenderer.Note(context, readOnSite));
            return HtmlPolicy.sanitize(feedRenderer.render(parser.parse(source)));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "Markdown could not be rendered; shown as text", e);
            return HtmlPolicy.sanitize("<p>" + escape(source) + "</p>");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
