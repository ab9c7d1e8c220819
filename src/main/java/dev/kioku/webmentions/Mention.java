package dev.kioku.webmentions;

import java.time.Instant;

/**
 * A received webmention as stored. Everything read from the source is plain text or an http(s) URL; none of it
 * is HTML.
 *
 * @param authorName  the h-card's name, or null when the source named none
 * @param authorUrl   the author's http(s) address, or null
 * @param authorPhoto the author's picture URL as the source gave it (kept, never shown: no hotlinking), or null
 * @param publishedAt when the source says it was published, or null
 * @param content     the reply's text, plain and cut short, or null
 * @param reason      why it failed, or null
 * @param token       names its status page ({@code /webmention/TOKEN/})
 * @param verifyAfter when a (re-)verification is due, or null when none is
 */
public record Mention(long id, long postId, String source, String target, MentionStatus status, MentionKind kind,
                      String authorName, String authorUrl, String authorPhoto, Instant publishedAt, String content,
                      String reason, String token, String ip, int attempts, Instant verifyAfter, Instant receivedAt,
                      Instant updatedAt) {

    /** The host of the source, for lists ("example.org"). */
    public String sourceHost() {
        try {
            String host = java.net.URI.create(source).getHost();
            return host == null ? source : host;
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    /** The author's name, else the source's host. */
    public String displayName() {
        return authorName == null || authorName.isBlank() ? sourceHost() : authorName;
    }
}
