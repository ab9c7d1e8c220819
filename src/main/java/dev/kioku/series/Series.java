package dev.kioku.series;

/** A series as stored; its parts are loaded separately. */
public record Series(long id, String slug, String title, String descriptionMd, String descriptionHtml) {
    public String url() {
        return "/series/" + slug + "/";
    }

    /** The page-cache key every page showing this series depends on. */
    public String key() {
        return "series:" + id;
    }
}
