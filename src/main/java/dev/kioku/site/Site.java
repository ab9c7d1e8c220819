package dev.kioku.site;

/**
 * What every public template needs about the site: settings, navigation and asset URLs.
 *
 * @param base absolute base URL without trailing slash, for canonical links
 */
public record Site(SiteSettings settings, java.util.List<NavLink> nav, String base, String cssUrl, String faviconUrl) {
    public Site {
        nav = java.util.List.copyOf(nav);
    }

    public String title() {
        return settings.title();
    }

    /** The absolute URL of a site path such as {@code /2026/11/20/hello/}. */
    public String absolute(String path) {
        return base + path;
    }
}
