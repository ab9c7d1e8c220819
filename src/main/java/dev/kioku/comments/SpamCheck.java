package dev.kioku.comments;

import dev.kioku.content.Post;

/** An outside opinion on a comment (Akismet or a compatible service); {@link #NONE} when there is none. */
public interface SpamCheck {
    enum Verdict { HAM, SPAM, UNAVAILABLE }

    SpamCheck NONE = (settings, s, f, post) -> Verdict.HAM;

    /** Never throws: an unreachable or confused service answers {@link Verdict#UNAVAILABLE}. */
    Verdict check(DiscussionSettings settings, Submission s, CommentInput f, Post post);
}
