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

    /**
     * Renders a {@link Spoiler} as one line pointing to the post, for feeds and mail, where a closed
     * {@code <details>} is shown open or not at all: the spoiler's summary and content are left out.
     */
    static final class Note implements NodeRenderer {
        private final HtmlWriter html;
        private final String postUrl;

        Note(HtmlNodeRendererContext context, String postUrl) {
            this.html = context.getWriter();
            this.postUrl = postUrl;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Spoiler.class);
        }

        @Override
        public void render(Node node) {
            html.line();
            html.tag("p");
            html.tag("em");
            html.text("This post contains a spoiler — ");
            html.tag("a", Map.of("href", postUrl));
            html.text("read it on the site");
            html.tag("/a");
            html.text(".");
            html.tag("/em");
            html.tag("/p");
            html.line();
        }
    }
}
