package dev.kioku.webmentions;

import java.util.Locale;

/** Where a received webmention stands; mirrored by a CHECK in SQL. */
public enum MentionStatus {
    /** Received, not verified yet. */
    QUEUED("Queued"),
    /** The source links here: waiting for a moderator. */
    PENDING("Pending"),
    APPROVED("Approved"),
    SPAM("Spam"),
    /** Never verified: the source does not link here, is gone, or could not be fetched (see the reason). */
    FAILED("Failed");

    private final String label;

    MentionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static MentionStatus of(String sql) {
        return valueOf(sql.toUpperCase(Locale.ROOT));
    }

    /** True once the source was seen linking here (a moderator has or had something to look at). */
    boolean verified() {
        return this == PENDING || this == APPROVED || this == SPAM;
    }
}
