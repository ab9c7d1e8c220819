package dev.kioku.admin;

import java.util.Map;

/** Every one-line confirmation the admin shows after a redirect, in one place ({@code ?notice=key}). */
public final class Notices {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("signed-out", "You are signed out."),
            Map.entry("welcome", "Welcome to Kioku. Your blog is ready."),
            Map.entry("password-changed", "Your password has been changed. Other sessions were signed out."),
            Map.entry("saved", "Saved."),
            Map.entry("updated", "Saved. The changes are live on your site."),
            Map.entry("published", "Published. It is live on your site."),
            Map.entry("scheduled", "Scheduled."),
            Map.entry("unpublished", "Unpublished. It is a draft again."),
            Map.entry("restored", "Revision restored. Review it and save."),
            Map.entry("uploaded", "Uploaded."),
            Map.entry("settings-saved", "Settings saved. Your site shows them now."),
            Map.entry("series-created", "Series created. Add its parts below."),
            Map.entry("part-added", "Part added."),
            Map.entry("part-planned", "Planned part added. Readers see it as “coming soon”."),
            Map.entry("part-moved", "Part moved."),
            Map.entry("part-attached", "Post attached. The part becomes a link when the post is published."),
            Map.entry("part-removed", "Part removed from the series."),
            Map.entry("part-updated", "Planned part updated."),
            Map.entry("series-deleted", "Series deleted. Its posts are still there, no longer parts of it."),
            Map.entry("image-deleted", "Image deleted. Its smaller copies went with it."),
            Map.entry("profile-saved", "Profile saved."),
            Map.entry("providers-saved", "Saved. Enabled providers are offered under the comment form."),
            Map.entry("provider-added", "Provider added and enabled. Readers see it under the comment form."),
            Map.entry("provider-removed", "Provider removed."),
            Map.entry("subscriber-removed", "Address removed. It gets no more emails."));

    private Notices() {
    }

    /** The text for a notice key, or null for none or an unknown key (never echoes the query string). */
    public static String text(String key) {
        return key == null ? null : TEXT.get(key);
    }
}
