package dev.kioku.markdown;

import java.util.Set;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The readable text of a parsed document, for the excerpt and the word count. Raw HTML (but for
 * the tags shown as text, see {@link RawHtmlRenderer}) and spoilers are never text;
 * {@link #prose} also leaves out what is not running prose.
 */
final class PlainText {

    private static final Set<Class<? extends Node>> NEVER =
            Set.of(Spoiler.class, HtmlBlock.class, FootnoteReference.class);
    private static final Set<Class<? extends Node>> NOT_PROSE = Set.of(Heading.class,
            FencedCodeBlock.class, IndentedCodeBlock.class, Image.class, Figure.class,
            FootnoteDefinition.class, TableBlock.class);

    private PlainText() {}

    /** All text except spoilers and raw HTML, blocks separated by a space. */
    static String all(Node document) {
        StringBuilder out = new StringBuilder();
        append(document, out, false);
        return out.toString();
    }

    /** Paragraph, list and quote text only: no headings, code, images, tables or footnotes. */
    static String prose(Node document) {
        StringBuilder out = new StringBuilder();
        append(document, out, true);
        return out.toString();
    }

    // Iterative walk: nesting is bounded by the parser, but a deep tree must not cost a stack.
    private static void append(Node root, StringBuilder out, boolean proseOnly) {
        Node node = root;
        while (node != null) {
            boolean skip = node != root && (NEVER.contains(node.getClass())
                    || proseOnly && NOT_PROSE.contains(node.getClass()));
            if (!skip) appendOwnText(node, out);
            if (!skip && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                if (separates(node)) out.append(' ');
            }
            if (node == root) return;
            if (separates(node)) out.append(' ');
            node = node.getNext();
        }
    }

    private static boolean separates(Node node) {
        return node instanceof Block || node instanceof TableCell;
    }

    private static void appendOwnText(Node node, StringBuilder out) {
        switch (node) {
            case Text text -> out.append(text.getLiteral());
            case Code code -> out.append(code.getLiteral());
            case FencedCodeBlock code -> out.append(code.getLiteral());
            case IndentedCodeBlock code -> out.append(code.getLiteral());
            case HtmlInline raw when RawHtmlRenderer.showsAsText(raw.getLiteral()) ->
                    out.append(raw.getLiteral());
            case SoftLineBreak br -> out.append(' ');
            case HardLineBreak br -> out.append(' ');
            default -> { }
        }
    }
}
