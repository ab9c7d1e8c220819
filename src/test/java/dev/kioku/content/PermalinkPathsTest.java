package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Post addresses are written as the format patterns they replaced wrote them (with ASCII digits in any locale). */
class PermalinkPathsTest {
    @Test
    void dated_addresses_pad_year_month_and_day_as_the_format_patterns_did() {
        for (int year : List.of(1, 9, 10, 99, 100, 999, 1000, 1970, 2026, 9999)) {
            for (int month = 1; month <= 12; month++) {
                for (int day : List.of(1, 9, 10, 28)) {
                    ZonedDateTime at = ZonedDateTime.of(year, month, day, 12, 0, 0, 0, ZoneOffset.UTC);
                    assertEquals(String.format(Locale.ROOT, "/%04d/%02d/", year, month), PermalinkStyle.monthPath(year, month));
                    assertEquals(String.format(Locale.ROOT, "/%04d/%02d/%02d/%s/", year, month, day, "a-walk"),
                            PermalinkStyle.DAY_AND_NAME.path(5, "a-walk", at, false));
                    assertEquals(String.format(Locale.ROOT, "/%04d/%02d/%s/", year, month, "a-walk"),
                            PermalinkStyle.MONTH_AND_NAME.path(5, "a-walk", at, false));
                    assertEquals(String.format(Locale.ROOT, "/%04d/%02d/%02d/", year, month, day), PermalinkStyle.DAY_AND_NAME.prefix(at));
                    assertEquals(String.format(Locale.ROOT, "/%04d/%02d/", year, month), PermalinkStyle.MONTH_AND_NAME.prefix(at));
                }
            }
        }
    }

    @Test
    void the_other_styles_and_their_fallbacks_keep_their_addresses() {
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 20, 10, 42, 0, 0, ZoneOffset.UTC);
        assertEquals("/2026/11/20/2048/", PermalinkStyle.MONTH_AND_NAME.path(5, "2048", at, false), "a number as a name gets the day");
        assertEquals("/archives/5/", PermalinkStyle.NUMERIC.path(5, "a-walk", at, false));
        assertEquals("/a-walk/", PermalinkStyle.POST_NAME.path(5, "a-walk", at, false));
        assertEquals("/2026/11/20/a-walk/", PermalinkStyle.POST_NAME.path(5, "a-walk", at, true), "a page has the name");
        assertEquals("/2026/11/20/feed/", PermalinkStyle.POST_NAME.path(5, "feed", at, false), "a reserved name");
        assertEquals("/0999/01/", PermalinkStyle.monthPath(999, 1));
        assertEquals("/10000/01/", PermalinkStyle.monthPath(10000, 1), "past four digits, as %04d");
    }
}
