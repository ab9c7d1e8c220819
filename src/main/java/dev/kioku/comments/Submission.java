package dev.kioku.comments;

/**
 * What the "Leave a Reply" form sent, with the facts of the request that moderation needs. Field values are
 * as typed (null when absent); {@link Comments#submit} validates them.
 *
 * @param parentId the comment replied to, or null
 * @param honeypot the hidden field people never see and bots fill in
 * @param formToken the signed stamp the page's script fetched when the reader started typing, or null
 * @param ownerToken the browser's commenter cookie, or null (a new one is made)
 */
public record Submission(long postId, Long parentId, String body, String name, String email, String website,
                         boolean notifyFollowUps, boolean notifyPosts, String honeypot, String formToken, String ip,
                         String userAgent, String referrer, String ownerToken) {
}
