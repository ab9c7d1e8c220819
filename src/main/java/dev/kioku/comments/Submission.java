package dev.kioku.comments;

/**
 * What the "Leave a Reply" form sent, with the facts of the request that moderation needs. Field values are
 * as typed (null when absent); {@link Comments#submit} validates them.
 *
 * @param parentId the comment replied to, or null
 * @param honeypot the hidden field people never see and bots fill in
 * @param formToken the signed stamp the page's script fetched when the reader started typing, or null
 * @param ownerToken the browser's commenter cookie, or null (a new one is made)
 * @param reader the signed-in reader sending it, or null for a guest: a reader's name, email and website come
 *               from their identity, and the typed ones are ignored
 */
public record Submission(long postId, Long parentId, String body, String name, String email, String website,
                         boolean notifyFollowUps, boolean notifyPosts, String honeypot, String formToken, String ip,
                         String userAgent, String referrer, String ownerToken, dev.kioku.readers.Reader reader) {
    /** A guest's submission. */
    public Submission(long postId, Long parentId, String body, String name, String email, String website,
                      boolean notifyFollowUps, boolean notifyPosts, String honeypot, String formToken, String ip,
                      String userAgent, String referrer, String ownerToken) {
        this(postId, parentId, body, name, email, website, notifyFollowUps, notifyPosts, honeypot, formToken, ip, userAgent,
                referrer, ownerToken, null);
    }
}
