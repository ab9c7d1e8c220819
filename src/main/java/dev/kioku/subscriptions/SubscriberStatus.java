package dev.kioku.subscriptions;

import java.util.Locale;

/** Where an address stands; mirrored by a CHECK in SQL. Only {@link #CONFIRMED} addresses get post mail. */
public enum SubscriberStatus {
    /** Asked, and has not opened the confirmation link yet. */
    PENDING,
    /** Confirmed by the link in the confirmation mail. */
    CONFIRMED,
    /** Unsubscribed (by a link in a mail); a new request needs a new confirmation. */
    UNSUBSCRIBED;

    String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriberStatus of(String sql) {
        return valueOf(sql.toUpperCase(Locale.ROOT));
    }

    /** For screens and the export: "Pending", "Confirmed", "Unsubscribed". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
