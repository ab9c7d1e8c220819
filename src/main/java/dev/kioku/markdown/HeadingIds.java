package dev.kioku.markdown;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Gives every heading an {@code id} slugged from its text, unique within the document
 * ({@code intro}, {@code intro-1}, …), so sections can be linked to.
 *
 * <p>Why hand-written: commonmark's heading-anchor extension stops at 0.28.0 and extensions must
 * match the core version. One instance per render (commonmark asks the factory per render), so
 * the set of used ids is per document and needs no locking.
 */
final class HeadingIds implements AttributeProvider {

    static final String FALLBACK = "section";

    private final Set<String> used = new HashSet<>();

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Heading heading) {
            attributes.put("id", unique(slugOf(heading)));
        }
    }

    private String unique(String base) {
        String id = base;
        for (int n = 1; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String slugOf(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override public void visit(Text t) { text.append(t.getLiteral()); }
            @Override public void visit(Code c) { text.append(c.getLiteral()); }
        });
        String slug = Slugs.slugify(text.toString());
        if (slug.isEmpty()) return FALLBACK;
        // footnotes own fn-* and fnref-* ids; a heading "Fn 1" must not steal #fn-1
        return slug.startsWith("fn-") || slug.startsWith("fnref-") ? FALLBACK + "-" + slug : slug;
    }
}
