package dev.kioku.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kioku.content.PermalinkStyle;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The dates a page shows: the site's language and zone decide them, as the JDK's localized long date writes them. */
class SiteDatesTest {
    private static final List<Instant> DATES = List.of(Instant.parse("2026-11-20T10:42:00Z"), Instant.parse("2021-01-01T23:30:00Z"),
            Instant.parse("1999-12-31T00:00:00Z"), Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("2025-05-03T06:00:00Z"));

    @Test
    void a_date_reads_as_the_site_language_writes_it_in_the_site_zone() {
        assertEquals("November 20, 2026", settings("en", "UTC").date(DATES.get(0)));
        assertEquals("20. November 2026", settings("de", "UTC").date(DATES.get(0)));
        assertEquals("January 2, 2021", settings("en", "Asia/Tokyo").date(DATES.get(1)), "23:30 UTC is the next day in Tokyo");
        assertEquals("2026年11月20日", settings("ja", "UTC").date(DATES.get(0)));
    }

    @Test
    void every_language_gets_the_text_of_the_jdk_localized_long_date() {
        for (String tag : List.of("en", "en-GB", "de", "fr", "ja", "zh-TW", "ar", "ru", "pt-BR", "fa", "hi", "es", "xx")) {
            for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Kolkata")) {
                SiteSettings s = settings(tag, zone);
                for (Instant at : DATES) {
                    String expected = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(tag))
                            .format(at.atZone(ZoneId.of(zone)));
                    assertEquals(expected, s.date(at), tag + " " + zone + " " + at);
                }
            }
        }
    }

    private static SiteSettings settings(String language, String zone) {
        return new SiteSettings("Blog", "", language, ZoneId.of(zone), 10, "", null, null, PermalinkStyle.DAY_AND_NAME);
    }
}
