package dev.kioku.markdown;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Passes raw HTML through for {@link HtmlPolicy} to judge, except the tags GFM's "tagfilter"
 * escapes ({@code <script>}, {@code <style>}, {@code <title>}, …), which are shown as text.
 *
 * <p>Why: those elements make an HTML parser treat everything up to their closing tag as raw
 * text. A writer who types "the {@code <style>} tag" in prose would otherwise lose the rest of the
 * post to the sanitizer, silently. Escaped, the words stay visible and nothing executes.
 */
final class RawHtmlRenderer implements NodeRenderer {

    private static final Pattern FILTERED_TAG = Pattern.compile(
            "<(?=/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?![a-z0-9-]))",
            Pattern.CASE_INSENSITIVE);

    private final HtmlWriter html;

    RawHtmlRenderer(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(HtmlBlock.class, HtmlInline.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof HtmlBlock block) {
            html.line();
            html.raw(filter(block.getLiteral()));
            html.line();
        } else {
            html.raw(filter(((HtmlInline) node).getLiteral()));
        }
    }

    /** Whether this inline tag is one that is escaped and so reads as text. */
    static boolean showsAsText(String rawInlineHtml) {
        return FILTERED_TAG.matcher(rawInlineHtml).lookingAt();
    }

    static String filter(String rawHtml) {
        return FILTERED_TAG.matcher(rawHtml).replaceAll("&lt;");
    }
}
