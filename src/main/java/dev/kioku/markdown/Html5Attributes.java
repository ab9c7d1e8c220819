package dev.kioku.markdown;

import java.util.Locale;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Rewrites the attributes commonmark emits that HTML5 or {@link HtmlPolicy} would reject, so
 * nothing is lost in sanitizing: table {@code align} (obsolete in HTML5) becomes
 * {@code class="align-left|center|right"}, and a code language is lower-cased to match the
 * policy's {@code language-[a-z0-9+#-]+}.
 */
final class Html5Attributes implements AttributeProvider {

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof TableCell) {
            String align = attributes.remove("align");
            if (align != null) attributes.put("class", "align-" + align);
        } else if (node instanceof FencedCodeBlock && tagName.equals("code")) {
            attributes.computeIfPresent("class", (name, value) -> value.toLowerCase(Locale.ROOT));
        }
    }
}
