package dev.kioku.feeds;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML for feeds, which are read far from the site: every {@code href}, {@code src} and {@code srcset} made
 * absolute against the page it came from. Works on the sanitizer's output, whose attributes are always
 * double-quoted and escaped, so a value is everything up to the next {@code "}.
 */
final class FeedHtml {
    /** An attribute inside a start tag: text between tags that merely looks like one is left alone. */
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(<[a-zA-Z][^<>]*?\\s(?:href|src)=\")([^\"]*)\"");
    private static final Pattern SRCSET = Pattern.compile("(<[a-zA-Z][^<>]*?\\ssrcset=\")([^\"]*)\"");
    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private FeedHtml() {
    }

    /** {@code html} with every link and image address absolute; {@code pageUrl} is where the HTML was shown. */
    static String absolute(String html, String pageUrl) {
        String withUrls = replace(URL_ATTRIBUTE, html, value -> absoluteUrl(value, pageUrl));
        return replace(SRCSET, withUrls, value -> {
            StringBuilder sb = new StringBuilder();
            for (String candidate : value.split(",")) {
                String c = candidate.strip();
                if (c.isEmpty()) continue;
                int space = c.indexOf(' ');
                String url = space < 0 ? c : c.substring(0, space);
                if (!sb.isEmpty()) sb.append(", ");
                sb.append(absoluteUrl(url, pageUrl)).append(space < 0 ? "" : c.substring(space));
            }
            return sb.toString();
        });
    }

    static String absoluteUrl(String value, String pageUrl) {
        if (value.isEmpty() || HAS_SCHEME.matcher(value).matches()) return value;
        URI page = URI.create(pageUrl);
        String origin = page.getScheme() + "://" + page.getRawAuthority();
        if (value.startsWith("//")) return page.getScheme() + ":" + value;
        if (value.startsWith("/")) return origin + value;
        if (value.startsWith("#") || value.startsWith("?")) return pageUrl.replaceFirst("[?#].*$", "") + value;
        try {
            return page.resolve(value).toString();
        } catch (IllegalArgumentException e) {
            return origin + "/" + value;
        }
    }

    /** Plain text as HTML text: {@code & < > "} escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String replace(Pattern p, String html, java.util.function.UnaryOperator<String> value) {
        Matcher m = p.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value.apply(m.group(2)) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
