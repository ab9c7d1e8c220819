package dev.kioku.content;

/** A tag as shown on pages. */
public record Tag(long id, String slug, String name) {
    public String url() {
        return "/tag/" + slug + "/";
    }
}
