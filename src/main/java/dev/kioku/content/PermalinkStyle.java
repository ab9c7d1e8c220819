package dev.kioku.content;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The shapes a post's address can take, named as WordPress names them (its "Plain" and "Custom" left out).
 * Pages always live at {@code /slug/}. The owner picks one in Settings; the addresses of the other styles
 * keep answering, with a 301 to the chosen one.
 *
 * <p>Why a post sometimes keeps its dated address: a slug that a style cannot show as itself falls back to
 * {@link #DAY_AND_NAME}, which can show any slug. Slugs made only of digits read as date archives
 * ({@code /2026/}, {@code /2026/11/20/}), and in {@link #POST_NAME} a slug that names a site address
 * ({@code /admin/}) or a published page is taken at {@code /slug/}. New slugs are refused all of these; the
 * fallback is for posts saved before that rule.
 */
public enum PermalinkStyle {
    DAY_AND_NAME("day-and-name", "Day and name", "/2026/11/20/sample-post/"),
    MONTH_AND_NAME("month-and-name", "Month and name", "/2026/11/sample-post/"),
    NUMERIC("numeric", "Numeric", "/archives/123/"),
    POST_NAME("post-name", "Post name", "/sample-post/");

    /** Where the numeric style puts posts: {@code /archives/123/}. */
    public static final String ARCHIVES = "archives";

    private final String value;
    private final String label;
    private final String example;

    PermalinkStyle(String value, String label, String example) {
        this.value = value;
        this.label = label;
        this.example = example;
    }

    /** The style a stored or submitted value names ({@code "post-name"}), or empty for anything else. */
    public static Optional<PermalinkStyle> of(String value) {
        for (PermalinkStyle s : values()) if (s.value.equals(value)) return Optional.of(s);
        return Optional.empty();
    }

    /** How settings store it and forms send it, e.g. {@code "day-and-name"}. */
    public String value() {
        return value;
    }

    /** WordPress' name for it, e.g. "Day and name". */
    public String label() {
        return label;
    }

    /** A sample address, e.g. {@code /2026/11/20/sample-post/}. */
    public String example() {
        return example;
    }

    /**
     * A post's address in this style.
     *
     * @param sharesSlugWithPage true when a published page has the same slug (see the class comment)
     */
    String path(long id, String slug, ZonedDateTime at, boolean sharesSlugWithPage) {
        boolean digits = TopLevelNames.isNumber(slug);
        return switch (this) {
            case DAY_AND_NAME -> prefix(at) + slug + "/";
            case MONTH_AND_NAME -> digits ? DAY_AND_NAME.path(id, slug, at, false) : MONTH_AND_NAME.prefix(at) + slug + "/";
            case NUMERIC -> "/" + ARCHIVES + "/" + id + "/";
            case POST_NAME -> digits || sharesSlugWithPage || TopLevelNames.isReserved(slug)
                    ? DAY_AND_NAME.path(id, slug, at, false) : "/" + slug + "/";
        };
    }

    /**
     * What the editor shows before the slug field, e.g. {@code /2026/11/20/}; empty when the slug is not part
     * of the address ({@link #NUMERIC}).
     */
    String prefix(ZonedDateTime at) {
        return switch (this) {
            case DAY_AND_NAME -> monthPath(at.getYear(), at.getMonthValue()) + twoDigits(at.getDayOfMonth()) + "/";
            case MONTH_AND_NAME -> monthPath(at.getYear(), at.getMonthValue());
            case NUMERIC -> "";
            case POST_NAME -> "/";
        };
    }

    /**
     * {@code /YYYY/MM/}, as {@code "/%04d/%02d/".formatted(year, month)} writes it: every link to a post is made
     * with it, and {@code String.format} parses its pattern on every call (several per rendered post page).
     */
    public static String monthPath(int year, int month) {
        if (year < 0 || year > 9999) return "/%04d/%02d/".formatted(year, month);
        StringBuilder sb = new StringBuilder(9).append('/');
        if (year < 1000) sb.append('0');
        if (year < 100) sb.append('0');
        if (year < 10) sb.append('0');
        return sb.append(year).append('/').append(twoDigits(month)).append('/').toString();
    }

    /** A month or day of the month (1 to 31) with two digits. */
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
