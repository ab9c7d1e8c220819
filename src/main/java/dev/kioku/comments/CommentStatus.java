package dev.kioku.comments;

import java.util.Locale;

/** Where a comment stands; mirrors the CHECK on {@code comments.status}. Only approved comments are public. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASH;

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but the four names (any case) */
    public static CommentStatus of(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** As the moderation queue labels it. */
    public String label() {
        return switch (this) {
            case PENDING -> "Pending";
            case APPROVED -> "Approved";
            case SPAM -> "Spam";
            case TRASH -> "Trash";
        };
    }
}
