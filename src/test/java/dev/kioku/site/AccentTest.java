package dev.kioku.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The accent colour and the shades derived from it always read at 4.5:1 or better. */
class AccentTest {
    @Test
    void contrast_follows_wcag() {
        assertEquals(21.0, Accent.contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, Accent.contrast("#a5461f", "#a5461f"), 0.001);
        assertEquals(5.67, Accent.contrast("#a5461f", "#fbf8f3"), 0.01);
    }

    @Test
    void a_colour_too_light_for_a_light_page_is_refused_with_a_darker_shade_that_works() {
        String problem = Accent.problem("#FFFF00").orElseThrow();
        assertTrue(problem.startsWith("#ffff00 is too light for links and buttons on a light page: contrast 1.0:1"), problem);
        String suggested = problem.replaceAll(".*that works: (#[0-9a-f]{6})\\.$", "$1");
        assertTrue(Accent.problem(suggested).isEmpty(), suggested + " passes");
        assertNotEquals("#000000", suggested, "still a shade of yellow, not black");
        assertThrows(IllegalArgumentException.class, () -> Accent.of("#ffff00"));
        assertEquals("Use a colour in the form #rrggbb, for example #a5461f.", Accent.problem("red").orElseThrow());
    }

    @Test
    void every_derived_shade_reads_on_its_background() {
        for (String hex : List.of("#a5461f", "#1d5e8c", "#000000", "#2e6b30", "#6b2e8c", "#b3261e", "#0f4c5c")) {
            Accent a = Accent.of(hex);
            assertEquals(hex, a.light());
            assertTrue(Accent.contrast(a.light(), Accent.LIGHT_BG) >= 4.5, hex);
            assertTrue(Accent.contrast(a.light(), a.lightSoft()) >= 4.5, hex + " on its tint");
            assertTrue(Accent.contrast(a.dark(), Accent.DARK_BG) >= 4.5, hex + " dark");
            assertTrue(Accent.contrast(a.dark(), Accent.DARK_SURFACE) >= 4.5, hex + " dark on surface");
            assertTrue(Accent.contrast(a.dark(), a.darkSoft()) >= 4.5, hex + " dark on its tint");
        }
        assertNotEquals("#1d5e8c", Accent.of("#1d5e8c").dark(), "a dark blue is lightened for dark mode");
    }

    @Test
    void the_backgrounds_checked_against_are_the_themes_own() throws IOException {
        String css;
        try (InputStream in = AccentTest.class.getResourceAsStream("/assets/theme.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher light = Pattern.compile(":root \\{[^}]*--bg: (#[0-9a-f]{6});[^}]*--surface: (#[0-9a-f]{6});[^}]*--accent: (#[0-9a-f]{6});[^}]*--accent-soft: (#[0-9a-f]{6});").matcher(css);
        Matcher dark = Pattern.compile("prefers-color-scheme: dark\\)[^}]*--bg: (#[0-9a-f]{6});[^}]*--surface: (#[0-9a-f]{6});[^}]*--accent: (#[0-9a-f]{6});[^}]*--accent-soft: (#[0-9a-f]{6});").matcher(css);
        assertTrue(light.find() && dark.find());
        assertEquals(List.of(Accent.LIGHT_BG, Accent.LIGHT_SURFACE, Accent.DARK_BG, Accent.DARK_SURFACE),
                List.of(light.group(1), light.group(2), dark.group(1), dark.group(2)));
        assertEquals(List.of(Accent.THEME.light(), Accent.THEME.lightSoft(), Accent.THEME.dark(), Accent.THEME.darkSoft()),
                List.of(light.group(3), light.group(4), dark.group(3), dark.group(4)));
        assertEquals(Accent.THEME, Accent.of(SiteSettings.DEFAULT_ACCENT), "the default changes nothing");
    }
}
