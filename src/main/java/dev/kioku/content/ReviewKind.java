package dev.kioku.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a review post can be about: schema.org types that search engines accept as the item of a review,
 * each with the name the editor shows. Mirrored by the CHECK on {@code posts.review_kind}.
 */
public enum ReviewKind {
    BOOK("Book", "Book"),
    MOVIE("Movie", "Film"),
    TV_SERIES("TVSeries", "TV series"),
    VIDEO_GAME("VideoGame", "Video game"),
    MUSIC_ALBUM("MusicAlbum", "Album"),
    GAME("Game", "Game"),
    PRODUCT("Product", "Product"),
    RESTAURANT("Restaurant", "Restaurant"),
    PLACE("Place", "Place"),
    CREATIVE_WORK("CreativeWork", "Other work");

    private final String schemaType;
    private final String label;

    ReviewKind(String schemaType, String label) {
        this.schemaType = schemaType;
        this.label = label;
    }

    /** The schema.org type name, e.g. {@code TVSeries}: what is stored and sent in forms. */
    public String schemaType() {
        return schemaType;
    }

    /** How the editor names it, e.g. "TV series". */
    public String label() {
        return label;
    }

    /** The kind with this schema.org type name, or empty for anything else (including null). */
    public static Optional<ReviewKind> of(String schemaType) {
        return Arrays.stream(values()).filter(k -> k.schemaType.equals(schemaType)).findFirst();
    }
}
