package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every payload of {@code ../shared/corpus/xss/} through {@link Markdown#render} in the
 * places a writer can put text (raw HTML, link and image destinations, autolinks, titles, alt
 * text, headings, tables, spoilers), then checks the output DOM statically: only allowed
 * elements, no {@code on*} or {@code style} attribute, and no URL other than http, https, mailto
 * or relative.
 */
class XssCorpusTest {

    private static final Set<String> ALLOWED_ELEMENTS = Set.of("body", "p", "br",
            "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "s", "code", "pre",
            "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "thead",
            "tbody", "tr", "th", "td", "details", "summary", "div", "section", "sup", "sub", "kbd",
            "mark", "abbr", "span");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction",
            "xlink:href", "srcset", "background", "poster", "data", "cite", "lowsrc", "dynsrc");
    private static final List<Function<String, String>> PLACES = List.of(
            p -> p,
            p -> "Text before " + p + " and after.",
            p -> "[link](" + p + ")",
            p -> "[link](<" + p + ">)",
            p -> "![image](" + p + ")",
            p -> "<" + p + ">",
            p -> "[ref]\n\n[ref]: " + p,
            p -> "![" + p + "](/a.png \"" + p + "\")",
            p -> "# " + p,
            p -> "| " + p + " |\n|---|\n| " + p + " |",
            p -> ":::spoiler " + p + "\n" + p + "\n:::");

    private final Markdown markdown = new Markdown(ImageSizes.NONE);

    @TestFactory
    Stream<DynamicTest> no_corpus_payload_leaves_anything_executable() {
        return Stream.of(
                corpus("payloads-comment.txt", () -> lines(Corpus.text("xss/payloads-comment.txt"))),
                corpus("markdown-payloads.txt", () -> lines(Corpus.text("xss/markdown-payloads.txt"))),
                corpus("markdown-it-xss.fixture.txt",
                        () -> fixtureInputs(Corpus.text("xss/markdown-it-xss.fixture.txt"))),
                corpus("html5sec-vectors.json",
                        () -> field(Corpus.json("xss/html5sec-vectors.json"), "data")),
                corpus("owasp-xss-filter-evasion.json",
                        () -> field(Corpus.json("xss/owasp-xss-filter-evasion.json"), "payload")),
                corpus("dompurify-expect.json",
                        () -> field(Corpus.json("xss/dompurify-expect.json"), "payload")),
                corpus("payloads-all.json", () -> field(Corpus.json("xss/payloads-all.json"), "payload")),
                corpus("blns.json", () -> field(Corpus.json("xss/blns.json"), null)),
                corpus("event-handler-names.txt",
                        () -> handlerPayloads(lines(Corpus.text("xss/event-handler-names.txt")))));
    }

    @Test
    void the_safety_check_itself_catches_each_kind_of_leak() {
        assertNotNull(problemIn("<p><script>alert(1)</script></p>"));
        assertNotNull(problemIn("<svg><circle/></svg>"));
        assertNotNull(problemIn("<p ONMOUSEOVER=x>t</p>"));
        assertNotNull(problemIn("<p style=\"x\">t</p>"));
        assertNotNull(problemIn("<a href=\" java&#x09;script:alert(1)\">t</a>"));
        assertNotNull(problemIn("<img src=\"DATA:text/html,x\">"));
        assertNotNull(problemIn("<a href=\"vbscript:x\">t</a>"));
        assertNull(problemIn(
                "<p><a href=\"/a:b\">t</a><a href=\"https://x/y?q=javascript:\">u</a></p>"));
    }

    private interface Payloads {
        List<String> load();
    }

    private DynamicTest corpus(String name, Payloads payloads) {
        return dynamicTest(name, () -> {
            List<String> all = payloads.load();
            assertTrue(all.size() > 0, name + " yielded no payloads: the file format changed?");
            List<String> failures = new ArrayList<>();
            for (String payload : all) {
                for (Function<String, String> place : PLACES) {
                    String source = place.apply(payload);
                    String problem = problemIn(markdown.render(source).html());
                    if (problem != null && failures.size() < 20) {
                        failures.add(problem + "\n    from: " + source.replace("\n", "\\n"));
                    }
                }
            }
            if (!failures.isEmpty()) {
                fail(name + ": " + failures.size() + "+ unsafe outputs, first ones:\n  "
                        + String.join("\n  ", failures));
            }
        });
    }

    /** What makes {@code html} unsafe, or null when it is safe. */
    static String problemIn(String html) {
        for (Element el : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (!ALLOWED_ELEMENTS.contains(el.normalName())) return "element <" + el.normalName() + ">";
            for (Attribute attr : el.attributes()) {
                String name = attr.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) return "event handler " + name + " on <" + el.normalName() + ">";
                if (name.equals("style")) return "style attribute on <" + el.normalName() + ">";
                if (URL_ATTRIBUTES.contains(name) && !isSafeUrl(attr.getValue())) {
                    return "unsafe URL " + name + "=\"" + attr.getValue() + "\"";
                }
            }
        }
        return null;
    }

    private static boolean isSafeUrl(String url) {
        String squashed = url.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        int colon = squashed.indexOf(':');
        int delimiter = squashed.replaceAll("[/?#].*", "").length();
        if (colon < 0 || colon > delimiter) return true; // relative: no scheme before any / ? #
        String scheme = squashed.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    private static List<String> lines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    private static List<String> field(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode value = field == null ? item : item.get(field);
            if (value != null && value.isTextual()) values.add(value.asText());
        }
        return values;
    }

    /** Inputs of markdown-it fixtures: ".", input lines, ".", output lines, ".". */
    private static List<String> fixtureInputs(String text) {
        List<String> inputs = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(".")) continue;
            int end = lines.subList(i + 1, lines.size()).indexOf(".") + i + 1;
            if (end <= i) break;
            inputs.add(String.join("\n", lines.subList(i + 1, end)));
            int outputEnd = lines.subList(end + 1, lines.size()).indexOf(".") + end + 1;
            i = outputEnd <= end ? lines.size() : outputEnd;
        }
        return inputs;
    }

    /** Every handler name on an allowed element, raw and in the attribute syntax that nests. */
    private static List<String> handlerPayloads(List<String> handlers) {
        Set<String> payloads = new LinkedHashSet<>();
        for (String handler : handlers) {
            payloads.add("<p " + handler + "=\"alert(1)\">x</p>");
            payloads.add("<img src=\"/a.png\" alt=\"\" " + handler + "=alert(1)>");
            payloads.add("<a href=\"/\" " + handler.toUpperCase(Locale.ROOT) + "='alert(1)'>x</a>");
            payloads.add("<details open " + handler + "=alert(1)><summary>s</summary></details>");
        }
        return List.copyOf(payloads);
    }
}
