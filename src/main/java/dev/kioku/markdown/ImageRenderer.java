package dev.kioku.markdown;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders images lazily loaded and sized (so the page does not jump), and a {@link Figure} as
 * {@code <figure>} whose caption is the image title. A local image with smaller copies gets a
 * {@code srcset} of them and of itself, and {@code sizes} saying how wide the theme shows it, so a
 * phone downloads the 480 px copy and a wide screen the large one.
 */
final class ImageRenderer implements NodeRenderer {

    /** How wide the theme shows a figure: the reading column widened by 4rem a side from 60rem up. */
    static final String FIGURE_SIZES = "(min-width: 60rem) 50rem, 100vw";
    /** How wide an image inside text can be at most: the 42rem reading column. */
    static final String INLINE_SIZES = "(min-width: 44rem) 42rem, 100vw";

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private final ImageSizes sizes;

    ImageRenderer(HtmlNodeRendererContext context, ImageSizes sizes) {
        this.context = context;
        this.html = context.getWriter();
        this.sizes = sizes;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Image.class, Figure.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof Figure figure) {
            renderFigure(figure);
        } else {
            Image image = (Image) node;
            Map<String, String> attrs = attributes(image);
            if (image.getTitle() != null) attrs.put("title", image.getTitle());
            attrs.put("loading", "lazy");
            putSize(image, attrs, INLINE_SIZES);
            html.tag("img", context.extendAttributes(image, "img", attrs), true);
        }
    }

    private void renderFigure(Figure figure) {
        Image image = figure.image();
        Map<String, String> attrs = attributes(image);
        attrs.put("loading", "lazy");
        attrs.put("decoding", "async");
        putSize(image, attrs, FIGURE_SIZES);
        html.line();
        html.tag("figure");
        html.tag("img", context.extendAttributes(image, "img", attrs), true);
        String caption = image.getTitle();
        if (caption != null && !caption.isBlank()) {
            html.tag("figcaption");
            html.text(caption);
            html.tag("/figcaption");
        }
        html.tag("/figure");
        html.line();
    }

    private Map<String, String> attributes(Image image) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("src", context.encodeUrl(image.getDestination()));
        attrs.put("alt", altText(image));
        return attrs;
    }

    private void putSize(Image image, Map<String, String> attrs, String displayedSizes) {
        Optional<ImageSizes.Size> size;
        List<ImageSizes.Variant> variants;
        try {
            size = sizes.sizeOf(image.getDestination());
            variants = size != null && size.isPresent() ? sizes.variantsOf(image.getDestination()) : List.of();
        } catch (RuntimeException lookupFailed) {
            size = Optional.empty(); // a missing size must not cost the writer the whole post
            variants = List.of();
        }
        if (size == null || size.isEmpty()) return;
        if (variants != null && !variants.isEmpty()) {
            attrs.put("srcset", srcset(attrs.get("src"), size.get().width(), variants));
            attrs.put("sizes", displayedSizes);
        }
        attrs.put("width", Integer.toString(size.get().width()));
        attrs.put("height", Integer.toString(size.get().height()));
    }

    /** {@code /a-480w.jpg 480w, /a-960w.jpg 960w, /a.jpg 1200w}: the copies narrower than the image, then the image. */
    private String srcset(String src, int width, List<ImageSizes.Variant> variants) {
        StringBuilder out = new StringBuilder();
        variants.stream().filter(v -> v.width() < width).sorted(Comparator.comparingInt(ImageSizes.Variant::width))
                .forEach(v -> out.append(context.encodeUrl(v.src())).append(' ').append(v.width()).append("w, "));
        return out.append(src).append(' ').append(width).append('w').toString();
    }

    /** Plain text of the image description, as the CommonMark spec renders {@code alt}. */
    static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override public void visit(Text text) { alt.append(text.getLiteral()); }
            @Override public void visit(Code code) { alt.append(code.getLiteral()); }
            @Override public void visit(SoftLineBreak br) { alt.append('\n'); }
            @Override public void visit(HardLineBreak br) { alt.append('\n'); }
        });
        return alt.toString();
    }
}
