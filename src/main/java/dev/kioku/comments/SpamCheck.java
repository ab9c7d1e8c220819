package dev.kioku.comments;

import dev.kioku.content.Post;

/** An outside opinion on a comment (Akismet or a compatible service); {@link #NONE} when there is none. */
public interface SpamCheck {
    enum Verdict { HAM, SPAM, UNAVAILABLE }

    SpamCheck NONE = (settings, s, f, post) -> Verdict.HAM;

    /**
     * Asks the Akismet-compatible service named in the discussion settings (only when a key is set there).
     *
     * @param blogUrl the site's public base address
     * @param permalinks a public post's path
     */
    static SpamCheck akismet(dev.kioku.net.HttpFetcher fetcher, String blogUrl, java.util.function.Function<Post, String> permalinks) {
        return new AkismetSpamCheck(fetcher, blogUrl, permalinks);
    }

    /** Never throws: an unreachable or confused service answers {@link Verdict#UNAVAILABLE}. */
    Verdict check(DiscussionSettings settings, Submission s, CommentInput f, Post post);
}
