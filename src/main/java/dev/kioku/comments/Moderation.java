package dev.kioku.comments;

import java.util.Locale;

/** Which new comments wait for a moderator, as WordPress's discussion settings offer. */
public enum Moderation {
    /** Every comment that passes the spam defences appears at once. */
    APPROVE_ALL("Publish comments at once"),
    /** A commenter's first comment waits; once one is approved, later ones appear at once (the default). */
    HOLD_FIRST("Hold a commenter's first comment for approval"),
    /** Every comment waits for a moderator. */
    HOLD_ALL("Hold every comment for approval");

    private final String label;

    Moderation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static Moderation of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
