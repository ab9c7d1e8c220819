package dev.kioku.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.PostProcessor;

/**
 * A paragraph that held nothing but one image; rendered as {@code <figure>}, with the image
 * title as its caption. {@link #PROMOTE} turns such paragraphs into figures after parsing.
 */
final class Figure extends CustomBlock {

    static final PostProcessor PROMOTE = document -> {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Node only = paragraph.getFirstChild();
                if (only instanceof Image && only.getNext() == null) {
                    Figure figure = new Figure();
                    figure.setSourceSpans(paragraph.getSourceSpans());
                    paragraph.insertBefore(figure);
                    figure.appendChild(only);
                    paragraph.unlink();
                }
            }
        });
        return document;
    };

    /** The one image inside. */
    Image image() {
        return (Image) getFirstChild();
    }
}
