package dev.kioku.comments;

import dev.kioku.content.Post;
import dev.kioku.net.HttpFetcher;
import java.net.URI;
import java.util.function.Function;

/** {@link SpamCheck} through an Akismet-compatible service, with the key and address from the discussion settings. */
final class AkismetSpamCheck implements SpamCheck {
    private final HttpFetcher fetcher;
    private final String blogUrl;
    private final Function<Post, String> permalinks;

    AkismetSpamCheck(HttpFetcher fetcher, String blogUrl, Function<Post, String> permalinks) {
        this.fetcher = fetcher;
        this.blogUrl = blogUrl;
        this.permalinks = permalinks;
    }

    @Override
    public Verdict check(DiscussionSettings settings, Submission s, CommentInput f, Post post) {
        URI endpoint;
        try {
            endpoint = URI.create(settings.akismetEndpoint());
        } catch (IllegalArgumentException e) {
            return Verdict.UNAVAILABLE;
        }
        var verdict = new AkismetCheck(fetcher, endpoint, settings.akismetKey(), blogUrl).check(new AkismetCheck.Submission(
                s.ip(), s.userAgent(), s.referrer(), blogUrl + permalinks.apply(post), f.name(), f.email(), f.website(),
                f.body(), null));
        return switch (verdict) {
            case HAM -> Verdict.HAM;
            case SPAM, DISCARD -> Verdict.SPAM;
            case UNAVAILABLE -> Verdict.UNAVAILABLE;
        };
    }
}
