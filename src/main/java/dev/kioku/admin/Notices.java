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
            Map.entry("settings-saved", "Settings saved."),
            Map.entry("profile-saved", "Profile saved."));

    private Notices() {
    }

    /** The text for a notice key, or null for none or an unknown key (never echoes the query string). */
    public static String text(String key) {
        return key == null ? null : TEXT.get(key);
    }
}
