package dev.kioku.site;

import java.util.Locale;
import java.util.Optional;

/**
 * The theme colours derived from the one accent a writer picks, each checked for contrast (WCAG 2: at least
 * 4.5:1 for text) against the backgrounds of theme.css, because the accent is the colour of links and of
 * the text on buttons.
 *
 * <p>Why light and dark are treated differently: in light mode the picked colour is used as it is, so one
 * that is too light is refused (with a darker shade of it suggested) rather than silently changed. Dark mode
 * needs a light accent, which nobody picks for a light page, so there the colour is lightened (mixed with
 * white) until it reads well; the settings page shows the result. The soft tints behind tags and part
 * numbers are mixed from the accent and the background, as strong as contrast allows.
 *
 * @param light     the accent in light mode (the picked colour)
 * @param lightSoft its tint for backgrounds in light mode
 * @param dark      the accent in dark mode
 * @param darkSoft  its tint for backgrounds in dark mode
 */
public record Accent(String light, String lightSoft, String dark, String darkSoft) {
    /** Contrast text needs (WCAG 2.x, level AA, normal text). */
    public static final double MINIMUM = 4.5;
    // keep in step with --bg and --surface in theme.css (AccentTest checks)
    static final String LIGHT_BG = "#fbf8f3";
    static final String LIGHT_SURFACE = "#ffffff";
    static final String DARK_BG = "#161412";
    static final String DARK_SURFACE = "#1e1b18";
    /** theme.css's own colours for its default accent, which the site stylesheet then leaves alone. */
    static final Accent THEME = new Accent("#a5461f", "#f6e7dc", "#f0936a", "#3a2519");

    /**
     * The colours for a picked accent.
     *
     * @throws IllegalArgumentException when {@code hex} is not {@code #rrggbb} or is too light for a light page
     *                                  ({@link #problem} says why and suggests a shade)
     */
    public static Accent of(String hex) {
        problem(hex).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String light = hex.toLowerCase(Locale.ROOT);
        if (light.equals(THEME.light())) return THEME;
        String dark = light;
        for (double w = 0; worst(dark, DARK_BG, DARK_SURFACE) < MINIMUM; w += 0.02) dark = mix(light, "#ffffff", Math.min(1, w));
        return new Accent(light, tint(light, LIGHT_BG, 0.14), dark, tint(dark, DARK_BG, 0.22));
    }

    /**
     * What is wrong with a colour as an accent, as a sentence for the settings form, or empty when it is fine.
     */
    public static Optional<String> problem(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            return Optional.of("Use a colour in the form #rrggbb, for example #a5461f.");
        }
        double ratio = worst(hex, LIGHT_BG, LIGHT_SURFACE);
        if (ratio >= MINIMUM) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT,
                "%s is too light for links and buttons on a light page: contrast %.1f:1, and text needs %.1f:1. A darker shade of it that works: %s.",
                hex.toLowerCase(Locale.ROOT), ratio, MINIMUM, darker(hex)));
    }

    /** WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white). */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The lightest shade of {@code hex} (mixed with black) that passes on a light page. */
    static String darker(String hex) {
        String c = hex.toLowerCase(Locale.ROOT);
        for (double w = 0.02; worst(c, LIGHT_BG, LIGHT_SURFACE) < MINIMUM; w += 0.02) c = mix(hex, "#000000", Math.min(1, w));
        return c;
    }

    /** The strongest tint of {@code accent} over {@code bg}, up to {@code most}, against which the accent still reads. */
    private static String tint(String accent, String bg, double most) {
        for (double w = most; w > 0; w -= 0.02) {
            String soft = mix(accent, bg, 1 - w);
            if (contrast(accent, soft) >= MINIMUM) return soft;
        }
        return bg;
    }

    private static double worst(String c, String bg1, String bg2) {
        return Math.min(contrast(c, bg1), contrast(c, bg2));
    }

    /** {@code a} moved towards {@code b} by {@code w} (0 = a, 1 = b), in sRGB. */
    static String mix(String a, String b, double w) {
        int[] x = rgb(a);
        int[] y = rgb(b);
        StringBuilder sb = new StringBuilder("#");
        for (int i = 0; i < 3; i++) sb.append("%02x".formatted((int) Math.round(x[i] + (y[i] - x[i]) * w)));
        return sb.toString();
    }

    private static double luminance(String hex) {
        int[] c = rgb(hex);
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            lin[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }
}
