package dev.kioku.comments;

import dev.kioku.content.Post;
import dev.kioku.markdown.CommentMarkdown;
import java.util.Locale;

/**
 * Decides where a new comment goes, strongest reason first: spam signs (the hidden field, block lists, the
 * outside check), then reasons to hold it for a moderator (no form token, many links, the moderation
 * setting), else it is published. The reason is kept with the comment for the moderator.
 */
final class ModerationRules {
    private final SpamCheck spamCheck;

    ModerationRules(SpamCheck spamCheck) {
        this.spamCheck = spamCheck;
    }

    record Decision(CommentStatus status, String note) {
    }

    /** The signs of spam that need no outside help (the hidden field, the block lists), or null when there are none. */
    Decision spamSigns(DiscussionSettings rules, Submission s, CommentInput f) {
        if (s.honeypot() != null && !s.honeypot().isBlank()) return spam("filled in the field people never see");
        String ip = s.ip() == null ? "" : s.ip();
        for (String blocked : rules.blockedIps()) {
            boolean prefix = blocked.endsWith(".") || blocked.endsWith(":");
            if (prefix ? ip.startsWith(blocked) : ip.equals(blocked)) return spam("address " + ip + " is on the block list");
        }
        for (String blocked : rules.blockedEmails()) {
            boolean domain = blocked.startsWith("@");
            if (domain ? f.email().endsWith(blocked) : f.email().equals(blocked)) return spam("email is on the block list");
        }
        String word = blockedWord(rules, f.body() + "\n" + f.name() + "\n" + f.email() + "\n" + (f.website() == null ? "" : f.website()));
        if (word != null) return spam("contains the blocked word \"" + word + "\"");
        return null;
    }

    /** The outside service's verdict when the settings name one (an HTTP call: never inside a transaction). */
    SpamCheck.Verdict ask(DiscussionSettings rules, Submission s, CommentInput f, Post post) {
        return rules.akismetKey().isEmpty() ? SpamCheck.Verdict.HAM : spamCheck.check(rules, s, f, post);
    }

    /**
     * @param early what {@link #spamSigns} found, or null
     * @param verdict what {@link #ask} answered
     * @param tokenNote why the form's timing stamp is not trusted, or null when it is
     * @param known whether this name and address (for a signed-in reader: this reader) have an approved comment already
     * @param reader whether a signed-in reader sent it (only the moderator's note differs)
     */
    Decision decide(DiscussionSettings rules, Decision early, SpamCheck.Verdict verdict, CommentInput f, String html,
                    String tokenNote, boolean known, boolean reader) {
        if (early != null) return early;
        if (verdict == SpamCheck.Verdict.SPAM) return spam("the spam check service says spam");
        if (verdict == SpamCheck.Verdict.UNAVAILABLE) return hold("the spam check service could not be asked");
        if (tokenNote != null) return hold(tokenNote);
        int links = CommentMarkdown.links(html);
        if (links > rules.maxLinks()) return hold(links + " links (more than " + rules.maxLinks() + ")");
        return switch (rules.moderation()) {
            case APPROVE_ALL -> new Decision(CommentStatus.APPROVED, null);
            case HOLD_ALL -> hold("every comment is held for approval");
            case HOLD_FIRST -> known ? new Decision(CommentStatus.APPROVED, null) : hold(reader ? "first comment from this signed-in reader" : "first comment from this name and email");
        };
    }

    /** The first block-list word found in {@code text} (case-insensitive), or null. */
    static String blockedWord(DiscussionSettings rules, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : rules.blockedWords()) if (lower.contains(word)) return word;
        return null;
    }

    private static Decision spam(String why) {
        return new Decision(CommentStatus.SPAM, why);
    }

    private static Decision hold(String why) {
        return new Decision(CommentStatus.PENDING, why);
    }
}
