package dev.kioku.comments;

import java.util.List;
import java.util.Locale;

/**
 * The writer's comment rules (Settings → Discussion), kept in the {@code settings} table.
 *
 * @param closeAfterDays comments close this many days after a post is published; 0 never closes them
 * @param threadDepth how deep replies nest, 1 (no replies) to 10
 * @param perPage top-level threads on each page of comments, 10 to 500
 * @param maxLinks a comment with more links than this waits for a moderator
 * @param blockedWords words or phrases that send a comment to spam when found in any field (case-insensitive)
 * @param blockedEmails addresses ({@code a@b.c}) or whole domains ({@code @b.c}) whose comments go to spam
 * @param blockedIps addresses, or prefixes ending in {@code .} or {@code :}, whose comments go to spam
 * @param akismetKey an Akismet (or compatible) API key; blank turns the check off
 * @param akismetEndpoint the service's base URL, {@code https://rest.akismet.com/1.1} unless a compatible one
 *                        is used
 */
public record DiscussionSettings(Moderation moderation, int closeAfterDays, int threadDepth, int perPage, int maxLinks,
                                 List<String> blockedWords, List<String> blockedEmails, List<String> blockedIps,
                                 boolean gravatar, boolean notifyAuthor, String akismetKey, String akismetEndpoint) {
    public static final String AKISMET = "https://rest.akismet.com/1.1";
    public static final DiscussionSettings DEFAULTS = new DiscussionSettings(Moderation.HOLD_FIRST, 0, 5, 50, 2,
            List.of(), List.of(), List.of(), true, true, "", AKISMET);

    public DiscussionSettings {
        if (moderation == null) throw new IllegalArgumentException("moderation is required");
        if (closeAfterDays < 0 || closeAfterDays > 36_500) throw new IllegalArgumentException("closeAfterDays must be 0 to 36500");
        if (threadDepth < 1 || threadDepth > 10) throw new IllegalArgumentException("threadDepth must be 1 to 10");
        if (perPage < 10 || perPage > 500) throw new IllegalArgumentException("perPage must be 10 to 500");
        if (maxLinks < 0 || maxLinks > 100) throw new IllegalArgumentException("maxLinks must be 0 to 100");
        blockedWords = clean(blockedWords);
        blockedEmails = clean(blockedEmails);
        blockedIps = clean(blockedIps);
        akismetKey = akismetKey == null ? "" : akismetKey.strip();
        akismetEndpoint = akismetEndpoint == null || akismetEndpoint.isBlank() ? AKISMET : akismetEndpoint.strip();
    }

    /** Lines of a block-list text area as entries: trimmed, lower-cased, blank lines and duplicates dropped. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : clean(List.of(text.split("\\R")));
    }

    private static List<String> clean(List<String> entries) {
        return entries == null ? List.of() : entries.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
    }
}
