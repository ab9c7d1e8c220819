package dev.kioku.site;

import dev.kioku.events.ChangeEvent;
import dev.kioku.web.Page;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * {@code /assets/site.css}: the few theme colours the settings change, linked after theme.css so they win.
 * A file and not a {@code style} attribute because the Content-Security-Policy allows no inline styles.
 * It is a cached public document like any page: ETag, gzip, dropped on the {@code site} event. Pages link
 * it with {@code ?v=} and a checksum of its text, so a browser or CDN holding the old one asks again as
 * soon as the colour changes.
 */
public final class SiteStylesheet implements Routes {
    public static final String PATH = "/assets/site.css";
    private final SiteService site;

    public SiteStylesheet(SiteService site) {
        this.site = site;
    }

    @Override
    public void register(PublicPages pages) {
        pages.page(PATH, "text/css; charset=utf-8", ctx -> new Page(css(site.settings()), Set.of(ChangeEvent.SITE)));
    }

    /** The stylesheet for these settings; only a comment while the accent is the theme's own. */
    static byte[] css(SiteSettings settings) {
        if (Accent.of(settings.accentColor()) == Accent.THEME) {
            return "/* Kioku: the theme's own accent colour (set another in Settings). */\n".getBytes(StandardCharsets.UTF_8);
        }
        Accent a = Accent.of(settings.accentColor());
        return """
                /* Kioku: the accent colour from Settings, with its dark-mode shade (contrast 4.5:1 or more). */
                :root { --accent: %s; --accent-soft: %s; }
                @media (prefers-color-scheme: dark) {
                  :root { --accent: %s; --accent-soft: %s; }
                }
                """.formatted(a.light(), a.lightSoft(), a.dark(), a.darkSoft()).getBytes(StandardCharsets.UTF_8);
    }

    /** The URL pages link: the path with a checksum of the current text. */
    static String url(SiteSettings settings) {
        CRC32 crc = new CRC32();
        crc.update(css(settings));
        return PATH + "?v=" + Long.toString(crc.getValue(), 36);
    }
}
