package dev.kioku.site;

import dev.kioku.admin.Fields;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.web.Invalid;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/** Reads and checks the settings form: settings, or one message per field that is wrong. */
final class SettingsForm {
    static final String[] FIELDS = {"title", "tagline", "language", "timeZone", "postsPerPage", "accentColor", "logo", "footerText", "permalinks",
            "feedContent", "feedItems"};

    static final String FULL_TEXT = "full";
    static final String EXCERPT = "excerpt";

    private SettingsForm() {
    }

    /** The form filled with saved settings. */
    static Fields of(SiteSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", s.title());
        v.put("tagline", s.tagline());
        v.put("language", s.language());
        v.put("timeZone", s.timeZone().getId());
        v.put("postsPerPage", Integer.toString(s.postsPerPage()));
        v.put("accentColor", s.accentColor());
        v.put("logo", s.logoMediaId() == null ? "" : Long.toString(s.logoMediaId()));
        v.put("footerText", s.footerText());
        v.put("permalinks", s.permalinks().value());
        v.put("feedContent", s.feedFullText() ? FULL_TEXT : EXCERPT);
        v.put("feedItems", Integer.toString(s.feedItems()));
        return Fields.of(v);
    }

    /**
     * @param imageExists whether a media id names an image in the library
     * @param current     the settings whose permalink style and feed content are kept when the form names none
     * @throws Invalid with a message for every field that is wrong
     */
    static SiteSettings parse(Fields f, LongPredicate imageExists, SiteSettings current) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = f.stripped("title");
        if (title.isEmpty()) errors.put("title", "The site needs a title.");
        else if (title.length() > 200) errors.put("title", "Keep the title under 200 characters.");
        String tagline = f.stripped("tagline");
        if (tagline.length() > 300) errors.put("tagline", "Keep the tagline under 300 characters.");
        String language = language(f.stripped("language"), errors);
        ZoneId zone = zone(f.stripped("timeZone"), errors);
        int perPage = number(f.stripped("postsPerPage"), "postsPerPage", errors);
        String accent = colour(f.stripped("accentColor"));
        Accent.problem(accent).ifPresent(p -> errors.put("accentColor", p));
        Long logo = logo(f.stripped("logo"), imageExists, errors);
        String footer = f.stripped("footerText");
        if (footer.length() > 500) errors.put("footerText", "Keep the footer text under 500 characters.");
        String style = f.stripped("permalinks");
        PermalinkStyle permalinks = style.isEmpty() ? current.permalinks() : PermalinkStyle.of(style).orElse(null);
        if (permalinks == null) errors.put("permalinks", "Choose one of the address styles in the list.");
        String content = f.stripped("feedContent");
        if (!content.isEmpty() && !content.equals(FULL_TEXT) && !content.equals(EXCERPT)) {
            errors.put("feedContent", "Choose full text or excerpt.");
        }
        boolean fullText = content.isEmpty() ? current.feedFullText() : content.equals(FULL_TEXT);
        int feedItems = number(f.stripped("feedItems"), "feedItems", errors);
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new SiteSettings(title, tagline, language, zone, perPage, footer, accent, logo, permalinks, fullText, feedItems);
    }

    /** A BCP 47 tag of a language Java knows, in its canonical spelling ({@code en-gb} → {@code en-GB}). */
    private static String language(String tag, Map<String, String> errors) {
        if (tag.isEmpty()) {
            errors.put("language", "Enter the language the blog is written in, such as en, en-GB, ja, fr or pt-BR.");
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String code = locale.getLanguage();
            if (code.isEmpty() || locale.getDisplayLanguage(Locale.ENGLISH).equals(code)) {
                errors.put("language", "“" + tag + "” is not a language Kioku knows. Use a tag such as en, en-GB, ja, fr or pt-BR.");
                return null;
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.put("language", "“" + tag + "” is not a language tag. Use one such as en, en-GB, ja, fr or pt-BR.");
            return null;
        }
    }

    /** A region time zone ({@code Europe/Paris}) or UTC, found whatever the letter case. */
    private static ZoneId zone(String id, Map<String, String> errors) {
        Optional<String> known = ZoneId.getAvailableZoneIds().stream().filter(z -> z.equalsIgnoreCase(id)).findFirst();
        if (id.isEmpty()) {
            errors.put("timeZone", "Choose the time zone dates are shown in, such as Europe/Paris or UTC.");
            return null;
        }
        if (known.isEmpty()) {
            errors.put("timeZone", "“" + id + "” is not a time zone. Pick one from the list, such as Europe/Paris, America/New_York or Asia/Tokyo.");
            return null;
        }
        return ZoneId.of(known.get());
    }

    /** A whole number from 1 to 100 (posts per page, feed items). */
    private static int number(String text, String field, Map<String, String> errors) {
        if (text.matches("\\d{1,3}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 100) return n;
        }
        errors.put(field, "Choose a number from 1 to 100.");
        return 0;
    }

    /** {@code #RGB}, {@code rrggbb} and upper case are accepted and written as {@code #rrggbb}. */
    private static String colour(String text) {
        String c = text.toLowerCase(Locale.ROOT);
        if (!c.startsWith("#")) c = "#" + c;
        if (c.matches("#[0-9a-f]{3}")) c = "#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3);
        return c;
    }

    private static Long logo(String text, LongPredicate imageExists, Map<String, String> errors) {
        if (text.isEmpty()) return null;
        if (text.matches("\\d{1,18}") && imageExists.test(Long.parseLong(text))) return Long.parseLong(text);
        errors.put("logo", "That image is no longer in the media library. Choose another, or none.");
        return null;
    }
}
