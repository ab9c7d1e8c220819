package dev.kioku.comments;

import java.time.Instant;

/**
 * A comment brought over from another blog, with its own time and status.
 *
 * @param parentId the imported comment it replies to (same post), or null
 * @param depth    0 for a comment on the post, the parent's depth + 1 for a reply
 * @param bodyMd   Markdown-lite, as readers write it here
 */
public record ImportedComment(long postId, Long parentId, int depth, CommentStatus status, String name, String email, String url,
                              String ip, String bodyMd, Instant at) {
    public ImportedComment {
        if (status == null || at == null) throw new IllegalArgumentException("status and time are required");
        name = name == null || name.isBlank() ? "Anonymous" : name.strip();
        email = email == null ? "" : email.strip();
        url = CommentRows.webAddress(url == null || url.isBlank() ? null : url.strip()); // only http(s) addresses are kept, as for typed ones
        ip = ip == null ? "" : ip.strip();
    }
}
