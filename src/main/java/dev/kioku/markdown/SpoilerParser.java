package dev.kioku.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Parses {@code :::spoiler [summary]} … {@code :::} as a container block.
 *
 * <p>Why the closing check walks the tree: commonmark asks the outermost open block first
 * whether a line continues it, so an outer spoiler would see the {@code :::} that closes a nested
 * spoiler, or a {@code :::} line inside a fenced code block, and close too early. A spoiler
 * therefore closes only when no spoiler, code fence or HTML block is open inside it. An unclosed
 * spoiler simply runs to the end of the document.
 */
final class SpoilerParser extends AbstractBlockParser {

    private static final Pattern OPEN =
            Pattern.compile(":{3,}[ \\t]*spoiler(?:[ \\t]+(.*?))?[ \\t]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSE = Pattern.compile(":{3,}[ \\t]*");
    private static final int CODE_INDENT = 4;

    private final Spoiler block;

    private SpoilerParser(String summary) {
        this.block = new Spoiler(summary);
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public boolean isContainer() {
        return true;
    }

    @Override
    public boolean canContain(Block childBlock) {
        return true;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (state.getIndent() < CODE_INDENT
                && CLOSE.matcher(rest(state)).matches()
                && !holdsOpenFence(state)) {
            return BlockContinue.finished();
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    private boolean holdsOpenFence(ParserState state) {
        for (Node n = state.getActiveBlockParser().getBlock(); n != null && n != block;
                n = n.getParent()) {
            if (n instanceof Spoiler || n instanceof FencedCodeBlock || n instanceof HtmlBlock) {
                return true;
            }
        }
        return false;
    }

    private static CharSequence rest(ParserState state) {
        CharSequence line = state.getLine().getContent();
        return line.subSequence(Math.min(state.getNextNonSpaceIndex(), line.length()), line.length());
    }

    static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= CODE_INDENT) return BlockStart.none();
            Matcher open = OPEN.matcher(rest(state));
            if (!open.matches()) return BlockStart.none();
            String summary = open.group(1) == null ? "" : open.group(1).strip();
            return BlockStart.of(new SpoilerParser(summary))
                    .atIndex(state.getLine().getContent().length());
        }
    }
}
