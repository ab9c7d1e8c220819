package dev.kioku.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The settings a writer changes in the admin (not the operator's {@code Config}).
 *
 * @param postsPerPage posts on each page of the home page and archives, 1 to 100
 */
public record SiteSettings(String title, String tagline, String language, ZoneId timeZone, int postsPerPage,
                           String footerText) {
    public static final SiteSettings DEFAULTS = new SiteSettings("Kioku", "A blog that remembers", "en",
            ZoneId.of("UTC"), 10, "");

    public SiteSettings {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("title must not be empty");
        if (postsPerPage < 1 || postsPerPage > 100) throw new IllegalArgumentException("postsPerPage must be 1 to 100");
        tagline = tagline == null ? "" : tagline;
        footerText = footerText == null ? "" : footerText;
    }

    /** A date as readers of this site write it, e.g. "November 20, 2026", in the site's time zone. */
    public String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                .format(at.atZone(timeZone));
    }

    /** The same instant as an ISO-8601 offset date-time, for {@code <time datetime>} and structured data. */
    public String isoDate(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(timeZone).withNano(0));
    }
}
