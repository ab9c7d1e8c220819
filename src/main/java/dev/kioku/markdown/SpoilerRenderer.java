package dev.kioku.markdown;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/** Renders a {@link Spoiler} as a closed {@code <details class="spoiler">}. */
final class SpoilerRenderer implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    SpoilerRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Spoiler.class);
    }

    @Override
    public void render(Node node) {
        Spoiler spoiler = (Spoiler) node;
        html.line();
        html.tag("details", Map.of("class", "spoiler"));
        html.tag("summary");
        html.text(spoiler.summary().isEmpty()
                ? "Spoiler (click to reveal)"
                : "Spoiler: " + spoiler.summary());
        html.tag("/summary");
        html.tag("div", Map.of("class", "spoiler-body"));
        html.line();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            context.render(child);
        }
        html.line();
        html.tag("/div");
        html.tag("/details");
        html.line();
    }
}
