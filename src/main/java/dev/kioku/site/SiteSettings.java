package dev.kioku.site;

import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The settings a writer changes in the admin (not the operator's {@code Config}).
 *
 * @param postsPerPage posts on each page of the home page and archives, 1 to 100
 * @param accentColor  the theme's accent as {@code #rrggbb} (lower case); readable variants are derived from it
 *                     (see {@link Accent})
 * @param logoMediaId  the media row shown in the header instead of the 記 mark, or null
 * @param permalinks   the shape of post addresses; null means {@link PermalinkStyle#DAY_AND_NAME}
 * @param feedFullText true when feeds carry each post's whole text (spoilers left out), false for its excerpt only
 * @param feedItems    the most recent items each feed shows, 1 to 100
 */
public record SiteSettings(String title, String tagline, String language, ZoneId timeZone, int postsPerPage,
                           String footerText, String accentColor, Long logoMediaId, PermalinkStyle permalinks,
                           boolean feedFullText, int feedItems) {
    /** The theme's own accent (theme.css); with it the site stylesheet changes nothing. */
    public static final String DEFAULT_ACCENT = Accent.THEME.light();
    public static final SiteSettings DEFAULTS = new SiteSettings("Kioku", "A blog that remembers", "en",
            ZoneId.of("UTC"), 10, "", DEFAULT_ACCENT, null, PermalinkStyle.DAY_AND_NAME, true, 10);

    public SiteSettings {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("title must not be empty");
        if (postsPerPage < 1 || postsPerPage > 100) throw new IllegalArgumentException("postsPerPage must be 1 to 100");
        if (language == null || language.isBlank()) throw new IllegalArgumentException("language must not be empty");
        if (timeZone == null) throw new IllegalArgumentException("time zone is required");
        accentColor = accentColor == null ? DEFAULT_ACCENT : accentColor.toLowerCase(Locale.ROOT);
        if (!accentColor.matches("#[0-9a-f]{6}")) throw new IllegalArgumentException("accent colour must look like #a5461f");
        tagline = tagline == null ? "" : tagline;
        footerText = footerText == null ? "" : footerText;
        permalinks = permalinks == null ? PermalinkStyle.DAY_AND_NAME : permalinks;
        if (feedItems < 1 || feedItems > 100) throw new IllegalArgumentException("feedItems must be 1 to 100");
    }

    /** Settings with the default feed choices (full text, the 10 most recent items), as WordPress has them. */
    public SiteSettings(String title, String tagline, String language, ZoneId timeZone, int postsPerPage,
                        String footerText, String accentColor, Long logoMediaId, PermalinkStyle permalinks) {
        this(title, tagline, language, timeZone, postsPerPage, footerText, accentColor, logoMediaId, permalinks,
                DEFAULTS.feedFullText(), DEFAULTS.feedItems());
    }

    /** The same settings with another title (first-run setup, the demo). */
    public SiteSettings withTitle(String newTitle) {
        return new SiteSettings(newTitle, tagline, language, timeZone, postsPerPage, footerText, accentColor, logoMediaId, permalinks,
                feedFullText, feedItems);
    }

    /** The same settings with another style of post address. */
    public SiteSettings withPermalinks(PermalinkStyle style) {
        return new SiteSettings(title, tagline, language, timeZone, postsPerPage, footerText, accentColor, logoMediaId, style,
                feedFullText, feedItems);
    }

    /** The same settings with other feed choices. */
    public SiteSettings withFeeds(boolean fullText, int items) {
        return new SiteSettings(title, tagline, language, timeZone, postsPerPage, footerText, accentColor, logoMediaId, permalinks,
                fullText, items);
    }

    /** Where readers find a post or page under these settings: its address in the chosen style and zone. */
    public String permalink(Post p) {
        return p.permalink(permalinks, timeZone);
    }

    /** A date as readers of this site write it, e.g. "November 20, 2026", in the site's time zone. */
    public String date(Instant at) {
        return LONG_DATES.computeIfAbsent(language, SiteSettings::longDates).format(at.atZone(timeZone));
    }

    /**
     * The long-date formatter of a language, its pattern resolved once: {@code ofLocalizedDate} looks its pattern up
     * again on every date it formats (a key string built and a map searched: by perf about 0.5% of the CPU of
     * rendering a post page with 50 comments); the pattern it finds is this one, so the text is the same.
     */
    private static DateTimeFormatter longDates(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return DateTimeFormatter.ofPattern(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.LONG, null,
                IsoChronology.INSTANCE, locale), locale);
    }

    /** Long-date formatters by language tag: a page shows dozens of dates, and making a formatter costs more than using it. */
    private static final java.util.concurrent.ConcurrentHashMap<String, DateTimeFormatter> LONG_DATES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The same instant as an ISO-8601 offset date-time, for {@code <time datetime>} and structured data. */
    public String isoDate(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(timeZone).withNano(0));
    }
}
