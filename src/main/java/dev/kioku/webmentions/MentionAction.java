package dev.kioku.webmentions;

import java.util.List;

/** What a moderator can do to a received webmention. */
public enum MentionAction {
    APPROVE("approve", "Approve", MentionStatus.APPROVED),
    UNAPPROVE("unapprove", "Unapprove", MentionStatus.PENDING),
    NOT_SPAM("not-spam", "Not spam", MentionStatus.PENDING),
    SPAM("spam", "Spam", MentionStatus.SPAM),
    DELETE("delete", "Delete", null);

    private final String code;
    private final String label;
    private final MentionStatus to;

    MentionAction(String code, String label, MentionStatus to) {
        this.code = code;
        this.label = label;
        this.to = to;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The status it moves a mention to; null for delete. */
    MentionStatus to() {
        return to;
    }

    public boolean dangerous() {
        return this == DELETE;
    }

    /** The actions a tab offers; a mention that never verified can only be deleted. */
    static List<MentionAction> offeredFor(MentionStatus status) {
        return switch (status) {
            case PENDING -> List.of(APPROVE, SPAM, DELETE);
            case APPROVED -> List.of(UNAPPROVE, SPAM, DELETE);
            case SPAM -> List.of(NOT_SPAM, DELETE);
            case QUEUED, FAILED -> List.of(DELETE);
        };
    }

    /** The action for a form's code, or null. */
    static MentionAction of(String code) {
        for (MentionAction a : values()) if (a.code.equals(code)) return a;
        return null;
    }

    /** "2 webmentions approved." */
    String notice(int count) {
        String what = count == 1 ? "1 webmention" : count + " webmentions";
        return switch (this) {
            case APPROVE -> what + " approved.";
            case UNAPPROVE -> what + " unapproved.";
            case NOT_SPAM -> what + " moved back to Pending.";
            case SPAM -> what + " marked as spam.";
            case DELETE -> what + " deleted.";
        };
    }
}
