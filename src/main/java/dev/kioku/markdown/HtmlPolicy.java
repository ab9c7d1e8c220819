package dev.kioku.markdown;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one HTML allow-list of Kioku: everything user-written passes through it before it is
 * printed raw.
 *
 * <p>Why one builder: {@code PolicyFactory.and(...)} silently drops attribute grants of the
 * joined policies (heading and footnote ids vanished that way), so every element and attribute
 * is allowed here, together. The grants are also narrowed to what the Nu HTML validator accepts:
 * no {@code align} (obsolete; tables use {@code class="align-*"}), integer {@code width},
 * {@code height} and {@code start}, an {@code img} always with {@code src} and {@code alt}, no
 * {@code rel} on an {@code a} without {@code href}, URLs percent-encoded where they must be, and
 * no control characters or noncharacters.
 */
public final class HtmlPolicy {

    private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};
    private static final Pattern ID = Pattern.compile("[^\\s]{1,200}");
    private static final Pattern CLASS_NAMES = Pattern.compile("[A-Za-z0-9_-]+( [A-Za-z0-9_-]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("language-[a-z0-9+#-]+");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern PIXELS = Pattern.compile("[0-9]{1,5}");
    /**
     * {@code /a-480w.jpg 480w , https://cdn.example/a.jpg 1200w}: local or http(s) URLs without commas, width
     * descriptors. The sanitizer has already dropped candidates with other protocols and rejoined the rest
     * with {@code " , "}.
     */
    private static final String SRCSET_CANDIDATE = "(?:/(?![/\\\\])|https?://)[^\\s,\"'<>\\\\^`{|}]{1,500} [1-9][0-9]{0,4}w";
    private static final Pattern SRCSET = Pattern.compile(SRCSET_CANDIDATE + "(?: ?, " + SRCSET_CANDIDATE + "){0,9}");
    /** {@code (min-width: 60rem) 50rem, 100vw}: the media conditions and lengths the validator accepts, nothing else. */
    private static final String SIZE = "(?:\\((?:min|max)-width: ?[0-9]{1,5}(?:\\.[0-9]{1,3})?(?:px|em|rem)\\) )?"
            + "[0-9]{1,5}(?:\\.[0-9]{1,3})?(?:px|em|rem|vw)";
    private static final Pattern SIZES = Pattern.compile(SIZE + "(?:, " + SIZE + "){0,9}");
    private static final String NEVER_IN_URLS = "\"<>\\^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static final ElementPolicy IMG_NEEDS_SRC_AND_ALT = (name, attrs) -> {
        if (indexOfName(attrs, "src") < 0) return null;
        if (indexOfName(attrs, "alt") < 0) attrs.addAll(List.of("alt", ""));
        int srcset = indexOfName(attrs, "srcset");
        int sizes = indexOfName(attrs, "sizes");
        if ((srcset < 0) != (sizes < 0)) { // width descriptors need sizes, and sizes needs srcset
            int lone = Math.max(srcset, sizes);
            attrs.subList(lone, lone + 2).clear();
        }
        return name;
    };

    private static final ElementPolicy REL_NEEDS_HREF = (name, attrs) -> {
        int rel = indexOfName(attrs, "rel");
        if (rel >= 0 && indexOfName(attrs, "href") < 0) attrs.subList(rel, rel + 2).clear();
        return name;
    };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote",
                    "ul", "ol", "li", "figure", "figcaption", "table", "thead", "tbody", "tr", "th",
                    "td", "details", "summary", "div", "section", "sup", "sub", "kbd", "mark", "abbr",
                    "span")
            .allowElements(HEADINGS)
            .allowElements(IMG_NEEDS_SRC_AND_ALT, "img")
            .allowElements(REL_NEEDS_HREF, "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("id").matching(ID).onElements(HEADINGS)
            .allowAttributes("id").matching(ID).onElements("li", "a", "sup")
            .allowAttributes("class").matching(LANGUAGE).onElements("code")
            .allowAttributes("start").matching(INTEGER).onElements("ol")
            .allowAttributes("href").matching((el, attr, value) -> validUrl(value)).onElements("a")
            .allowAttributes("title").onElements("a", "img", "abbr")
            .allowAttributes("class").matching(CLASS_NAMES).onElements("a", "sup")
            .allowAttributes("rel").matching(CLASS_NAMES).onElements("a")
            .allowAttributes("src")
                    .matching((el, attr, value) -> isMailto(value) ? null : validUrl(value))
                    .onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("srcset").matching(SRCSET).onElements("img")
            .allowAttributes("sizes").matching(SIZES).onElements("img")
            .allowAttributes("width", "height").matching(PIXELS).onElements("img")
            .allowAttributes("loading").matching(Pattern.compile("lazy|eager")).onElements("img")
            .allowAttributes("decoding").matching(Pattern.compile("async|sync|auto")).onElements("img")
            .allowAttributes("class").matching(Pattern.compile("align-(left|center|right)"))
                    .onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("spoiler")).onElements("details")
            .allowAttributes("class").matching(Pattern.compile("spoiler-body")).onElements("div")
            .allowAttributes("class").matching(Pattern.compile("footnotes")).onElements("section")
            .toFactory();

    private HtmlPolicy() {}

    /**
     * Reduces {@code html} to the allow-list: disallowed elements are dropped (their text kept,
     * except inside script/style), disallowed attributes and URLs removed, and tags balanced.
     *
     * @return safe HTML; "" when {@code html} is null or empty
     */
    public static String sanitize(String html) {
        if (html == null || html.isEmpty()) return "";
        return POLICY.sanitize(withoutForbiddenCodePoints(html));
    }

    /**
     * Drops the code points HTML5 forbids in a document: controls other than tab, line feed, form
     * feed and carriage return, noncharacters, and unpaired surrogates.
     */
    static String withoutForbiddenCodePoints(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isForbidden(cp)) {
                if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (out != null) {
                out.append(text, i, next);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isForbidden(int cp) {
        return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f' && cp != '\r'
                || cp >= 0x7F && cp <= 0x9F
                || cp >= 0xFDD0 && cp <= 0xFDEF
                || (cp & 0xFFFE) == 0xFFFE
                || Character.getType(cp) == Character.SURROGATE;
    }

    /**
     * Percent-encodes the characters that no URL may hold as written (space, quotes, angle
     * brackets, backslash, backtick, braces, pipe, caret, controls, a second {@code #}), which
     * raw HTML can carry and the Nu validator rejects. Browsers read the result the same way.
     */
    static String validUrl(String url) {
        String trimmed = url.strip();
        StringBuilder out = new StringBuilder(trimmed.length() + 8);
        boolean inFragment = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean secondHash = c == '#' && inFragment;
            inFragment |= c == '#';
            if (c <= ' ' || secondHash || NEVER_IN_URLS.indexOf(c) >= 0) {
                out.append('%').append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isMailto(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith("mailto:");
    }

    private static int indexOfName(List<String> attrs, String name) {
        for (int i = 0; i < attrs.size(); i += 2) {
            if (attrs.get(i).equals(name)) return i;
        }
        return -1;
    }
}
