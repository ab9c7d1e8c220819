package dev.kioku.content;

/** Where a post is in its life; only PUBLISHED is public. Mirrored by a CHECK in SQL. */
public enum Status {
    DRAFT, SCHEDULED, PUBLISHED;

    String sql() {
        return name().toLowerCase();
    }
}
