package dev.kioku.content;

import dev.kioku.site.SiteSettings;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as the admin shows them: in the site's zone and language, e.g. "Nov 20, 2026, 10:42 AM". */
final class When {
    private When() {
    }

    static String of(Instant at, SiteSettings site) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(site.language())).format(at.atZone(site.timeZone()));
    }

    static String date(Instant at, SiteSettings site) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag(site.language())).format(at.atZone(site.timeZone()));
    }
}
