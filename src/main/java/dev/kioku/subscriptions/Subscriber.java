package dev.kioku.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * One address as the admin sees it.
 *
 * @param allPosts    true when it gets every new post (confirmed)
 * @param series      titles of the series it follows (confirmed), in title order; empty when none
 * @param confirmedAt when it confirmed, or null while pending
 */
public record Subscriber(long id, String email, SubscriberStatus status, String source, Instant createdAt,
                         Instant confirmedAt, boolean allPosts, List<String> series) {
    public Subscriber {
        series = List.copyOf(series);
    }

    /** "Every post", "Trip to Kyoto", "Every post, Trip to Kyoto", or "Nothing yet" (pending or unsubscribed). */
    public String follows() {
        List<String> parts = new java.util.ArrayList<>();
        if (allPosts) parts.add("Every post");
        parts.addAll(series);
        return parts.isEmpty() ? "Nothing yet" : String.join(", ", parts);
    }
}
