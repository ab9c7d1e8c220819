package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedInputTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?(/?)>");
    private static final Set<String> VOID = Set.of("br", "hr", "img");

    private final Markdown markdown = new Markdown(ImageSizes.NONE);

    static Stream<Named<String>> malformed() {
        return Stream.of(
                named("50,000 nested quotes", ">".repeat(50_000) + " deep quote"),
                named("10,000 nested lists", "- ".repeat(10_000) + "deep list"),
                named("unmatched emphasis runs", "*".repeat(20_000) + "a" + "_".repeat(20_000)),
                named("50,000 open brackets", "[".repeat(50_000) + "]("),
                named("10,000 open images", "![".repeat(10_000) + "x"),
                named("2,000 nested spoilers", ":::spoiler\n".repeat(2_000) + "deep spoilers"),
                named("stray spoiler fences", ":::\n:::\n::: spoiler\n:::spoiler"),
                named("unclosed raw HTML", "<div><p><table><tr><td>unclosed"),
                named("stray closing tags", "</div></details></section></p>"),
                named("half a details element", "<details><summary>half"),
                named("ragged table rows", "| a |\n|---|\n" + "| b | c | d |\n".repeat(1000)),
                named("broken footnotes", "[^missing] and [^]\n\n[^x]:\n[^x]: twice"),
                named("unclosed code fence", "```\nnever closed"),
                named("NUL, lone surrogate, noncharacter, RLO", "\u0000\uD800 \uFFFE\u202E reversed"),
                named("unclosed comment", "<!-- unclosed comment"),
                named("unclosed CDATA", "<![CDATA[ x"),
                named("invalid character references", "&#0; &#x110000; &#99999999; &bogus;"),
                named("mixed line endings", "a\r\nb\rc\n\u2028d"),
                named("100,000 character heading", "# " + "x".repeat(100_000)));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformed_markdown_renders_without_throwing_and_with_balanced_tags(String source) {
        Rendered rendered = markdown.render(source);

        assertBalanced(rendered.html());
        assertTrue(rendered.words() >= 0);
    }

    private static void assertBalanced(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase();
            if (VOID.contains(name) || !tag.group(3).isEmpty()) continue;
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertEquals(open.isEmpty() ? "(nothing open)" : open.peek(), name,
                        () -> "closing tag out of order near offset " + tag.start());
                open.pop();
            }
        }
        assertTrue(open.isEmpty(), () -> "left open: " + open);
    }
}
