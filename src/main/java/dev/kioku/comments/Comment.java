package dev.kioku.comments;

import java.time.Instant;

/**
 * One comment row. {@code authorEmail}, {@code ip} and {@code userAgent} are for moderation and mail only and
 * must never reach a public page; {@code bodyHtml} is sanitized at write time.
 *
 * @param parentId the comment this replies to, or null at the top of a thread
 * @param authorUrl the commenter's website, or null
 * @param staffId the staff member who wrote it from the admin, or null for readers
 * @param ownerHash SHA-256 of the commenter's browser token (edit, delete, "awaiting moderation"), or null
 * @param readerId the signed-in reader who wrote it, or null for guests and staff
 * @param readerAvatarUrl that reader's picture as their provider gave it (https), or null
 */
public record Comment(long id, long postId, Long parentId, int depth, CommentStatus status, String authorName,
                      String authorEmail, String authorUrl, Long staffId, String bodyMd, String bodyHtml, String ip,
                      String userAgent, String ownerHash, String moderationNote, Instant createdAt, Instant updatedAt,
                      Long readerId, String readerAvatarUrl) {
    public boolean isPublic() {
        return status == CommentStatus.APPROVED;
    }
}
