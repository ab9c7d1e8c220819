package dev.kioku.site;

import java.util.List;

/**
 * What every public template needs about the site: settings, navigation and asset URLs.
 *
 * @param base       absolute base URL without trailing slash, for canonical links
 * @param siteCssUrl the stylesheet of the settings' colours, linked after {@code cssUrl}
 * @param logo       the image shown in the header instead of the 記 mark, or null
 */
public record Site(SiteSettings settings, List<NavLink> nav, String base, String cssUrl, String siteCssUrl,
                   String faviconUrl, Logo logo) {
    public Site {
        nav = List.copyOf(nav);
    }

    /** The header's logo image; decorative beside the site title, so it has no alt text of its own. */
    public record Logo(String src, int width, int height) {
    }

    public String title() {
        return settings.title();
    }

    /** The absolute URL of a site path such as {@code /2026/11/20/hello/}. */
    public String absolute(String path) {
        return base + path;
    }
}
