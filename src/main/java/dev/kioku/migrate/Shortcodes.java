package dev.kioku.migrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress shortcodes turned into the HTML {@link WordPressHtml} then makes Markdown of: {@code [caption]} and
 * {@code [gallery]} become figures, {@code [audio]}, {@code [video]}, {@code [embed]} and {@code [playlist]} links
 * to the media. Anything else in brackets stays as written; when it looks like a shortcode (attributes with
 * {@code =}, or a closing tag) it is reported, since the plugin that drew it is not here.
 */
final class Shortcodes {
    private static final Pattern CAPTION = Pattern.compile("\\[(?:wp_)?caption([^\\]]*)\\](.*?)\\[/(?:wp_)?caption\\]", Pattern.DOTALL);
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]");
    private static final Pattern MEDIA = Pattern.compile("\\[(audio|video|playlist)([^\\]]*)\\](?:(.*?)\\[/\\1\\])?", Pattern.DOTALL);
    private static final Pattern EMBED = Pattern.compile("\\[embed([^\\]]*)\\](.*?)\\[/embed\\]", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern OTHER = Pattern.compile("\\[(/?)([a-zA-Z][\\w-]*)((?:\\s[^\\]]*)?)\\]");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINKED_IMG = Pattern.compile("(?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?", Pattern.CASE_INSENSITIVE);

    /** Gallery images: the media of these attachment ids, or of the attachments whose parent is the post. */
    interface Gallery {
        List<Image> images(List<Long> ids);
    }

    record Image(String src, String alt, String caption) {
    }

    private Shortcodes() {
    }

    static String expand(String text, Gallery gallery, Consumer<String> notes) {
        if (text.indexOf('[') < 0) return text;
        text = replace(CAPTION, text, m -> caption(attrs(m.group(1)), m.group(2)));
        text = replace(GALLERY, text, m -> gallery(attrs(m.group(1)), gallery));
        text = replace(MEDIA, text, m -> media(m.group(1), attrs(m.group(2)), m.group(3)));
        text = replace(EMBED, text, m -> "\n\n<p><a href=\"" + attribute(m.group(2).strip()) + "\">" + escape(m.group(2).strip()) + "</a></p>\n\n");
        Map<String, Integer> unknown = new LinkedHashMap<>();
        Matcher m = OTHER.matcher(text);
        while (m.find()) {
            boolean closing = !m.group(1).isEmpty();
            boolean hasAttributes = m.group(3).contains("=");
            if (closing || hasAttributes || text.contains("[/" + m.group(2) + "]")) unknown.merge(m.group(2), 1, Integer::sum);
        }
        unknown.forEach((name, count) -> notes.accept("shortcode [" + name + "] kept as text" + (count > 1 ? " (" + count + "×)" : "")));
        return text;
    }

    private static String caption(Map<String, String> a, String inner) {
        Matcher img = IMG.matcher(inner);
        if (!img.find()) return inner;
        String caption = a.getOrDefault("caption", "");
        Matcher linked = LINKED_IMG.matcher(inner);
        String rest = linked.find() ? inner.substring(0, linked.start()) + inner.substring(linked.end()) : inner;
        if (caption.isBlank()) caption = rest.strip();
        return "\n\n<figure>" + img.group() + "<figcaption>" + caption + "</figcaption></figure>\n\n";
    }

    private static String gallery(Map<String, String> a, Gallery gallery) {
        List<Long> ids = a.containsKey("ids") || a.containsKey("include")
                ? java.util.Arrays.stream(a.getOrDefault("ids", a.getOrDefault("include", "")).split("[,\\s]+"))
                        .filter(s -> s.matches("\\d+")).map(Long::parseLong).toList()
                : List.of();
        StringBuilder out = new StringBuilder("\n\n");
        for (Image i : gallery.images(ids)) {
            out.append("<figure><img src=\"").append(attribute(i.src())).append("\" alt=\"").append(attribute(i.alt())).append("\">");
            if (!i.caption().isBlank()) out.append("<figcaption>").append(escape(i.caption())).append("</figcaption>");
            out.append("</figure>\n\n");
        }
        return out.toString();
    }

    private static String media(String kind, Map<String, String> a, String inner) {
        String src = a.getOrDefault("src", a.getOrDefault("mp3", a.getOrDefault("mp4", a.getOrDefault("m4a",
                a.getOrDefault("ogg", a.getOrDefault("wav", a.getOrDefault("webm", inner == null ? "" : inner.strip())))))));
        if (src.isBlank()) return "";
        String label = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ": " + src.substring(src.lastIndexOf('/') + 1);
        return "\n\n<p><a href=\"" + attribute(src) + "\">" + escape(label) + "</a></p>\n\n";
    }

    static Map<String, String> attrs(String s) {
        Map<String, String> a = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(s);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            a.put(m.group(1).toLowerCase(java.util.Locale.ROOT), v);
        }
        return a;
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attribute(String s) {
        return escape(s).replace("\"", "&quot;");
    }
}
