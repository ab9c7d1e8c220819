package dev.kioku.webmentions;

import java.util.Locale;

/** What a source page does with the post, read from its microformats2 h-entry; mirrored by a CHECK in SQL. */
public enum MentionKind {
    /** {@code u-like-of} */
    LIKE,
    /** {@code u-repost-of} */
    REPOST,
    /** {@code u-in-reply-to} */
    REPLY,
    /** Any other page linking the post. */
    MENTION;

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case LIKE -> "Like";
            case REPOST -> "Repost";
            case REPLY -> "Reply";
            case MENTION -> "Mention";
        };
    }

    static MentionKind of(String sql) {
        return valueOf(sql.toUpperCase(Locale.ROOT));
    }
}
