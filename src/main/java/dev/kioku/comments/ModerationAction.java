package dev.kioku.comments;

import java.util.List;
import java.util.Locale;

/**
 * What a moderator can do to a comment from the queue or its page, as WordPress names it. Every action but
 * {@link #DELETE} moves the comment to {@link #to()}; taking a comment out of spam or the trash sends it back to
 * Pending (the status it had before is not kept), where one more click approves it.
 */
public enum ModerationAction {
    APPROVE("Approve", CommentStatus.APPROVED, "approved"),
    UNAPPROVE("Unapprove", CommentStatus.PENDING, "unapproved"),
    SPAM("Spam", CommentStatus.SPAM, "marked as spam"),
    NOT_SPAM("Not spam", CommentStatus.PENDING, "taken out of spam"),
    TRASH("Trash", CommentStatus.TRASH, "moved to the trash"),
    RESTORE("Restore", CommentStatus.PENDING, "restored"),
    DELETE("Delete permanently", null, "deleted permanently");

    private final String label;
    private final CommentStatus to;
    private final String done;

    ModerationAction(String label, CommentStatus to, String done) {
        this.label = label;
        this.to = to;
        this.done = done;
    }

    public String label() {
        return label;
    }

    /** The status the comment moves to, or null for {@link #DELETE}. */
    CommentStatus to() {
        return to;
    }

    /** The form value and {@code ?done=} key, e.g. {@code not-spam}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the button should look like a warning (it cannot be undone). */
    public boolean dangerous() {
        return this == DELETE;
    }

    /** The question asked before the button does its work, or null when it can be undone. */
    public String confirm() {
        return this == DELETE ? "Delete for good? This cannot be undone." : null;
    }

    /** "3 comments approved." */
    String notice(int count) {
        if (count == 0) return "No comments were changed.";
        return count + (count == 1 ? " comment " : " comments ") + done + ".";
    }

    /** The actions offered for comments in this status, most used first. */
    public static List<ModerationAction> offeredFor(CommentStatus status) {
        return switch (status) {
            case PENDING -> List.of(APPROVE, SPAM, TRASH);
            case APPROVED -> List.of(UNAPPROVE, SPAM, TRASH);
            case SPAM -> List.of(NOT_SPAM, DELETE);
            case TRASH -> List.of(RESTORE, DELETE);
        };
    }

    /** The action with this code, or null for anything else (a missing or hand-made form value). */
    static ModerationAction of(String code) {
        if (code == null) return null;
        for (ModerationAction a : values()) if (a.code().equals(code.strip())) return a;
        return null;
    }
}
