package dev.kioku.site;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;
import dev.kioku.content.PermalinkStyle;
import java.util.List;

/**
 * {@code /admin/settings/}: the form, the images that can be the logo, suggestions for language and time
 * zone, and the accent colours readers see now.
 *
 * @param accent the saved accent's light and dark shades, for the preview
 */
public record SettingsView(AdminFrame frame, Fields form, List<Image> images, List<Suggestion> languages,
                           List<String> zones, Accent accent) {
    public SettingsView {
        images = List.copyOf(images);
        languages = List.copyOf(languages);
        zones = List.copyOf(zones);
    }

    /** An image from the media library that can be the logo. */
    public record Image(String id, String src, String label) {
    }

    /** A value offered in a datalist, with what it means. */
    public record Suggestion(String value, String label) {
    }

    /** The address styles offered, in WordPress' order. */
    public List<PermalinkStyle> permalinkStyles() {
        return List.of(PermalinkStyle.values());
    }

    /** True when the accent is shown differently in dark mode (it was lightened for contrast). */
    public boolean darkDiffers() {
        return !accent.dark().equals(accent.light());
    }

    /** A tiny SVG of a colour, as a data URL: previews need no inline style (the CSP forbids those). */
    public static String swatch(String hex) {
        return "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='24' height='24'%3E%3Crect width='24' height='24' rx='6' fill='%23"
                + hex.substring(1) + "'/%3E%3C/svg%3E";
    }
}
