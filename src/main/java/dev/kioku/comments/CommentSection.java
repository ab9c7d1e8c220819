package dev.kioku.comments;

import dev.kioku.admin.Fields;
import dev.kioku.readers.SignInChoice;
import java.util.List;

/**
 * The comment part of a post page: one page of threads and the "Leave a Reply" form.
 *
 * @param form what was typed and what is wrong with it, when the form comes back refused; empty otherwise
 * @param parentId the comment being replied to (the no-script reply page), or null
 * @param replyingTo that comment's author, or null
 * @param olderUrl the previous page of comments, or null; {@code newerUrl} the next page, or null
 * @param page this page of comments, 1 on the post itself
 * @param signIn the ways a guest may sign in instead of filling in name and email (the emailed link, then each
 *               provider the owner enabled), each coming back to this post
 */
public record CommentSection(long postId, String postUrl, int count, List<CommentView> threads, boolean open,
                             Fields form, Long parentId, String replyingTo, String olderUrl, String newerUrl, int page,
                             String feedUrl, String scriptUrl, List<SignInChoice> signIn, String signInScriptUrl) {
    /** "3 Comments", "1 Comment", "No comments yet". */
    public String heading() {
        return count == 0 ? "No comments yet" : count == 1 ? "1 Comment" : count + " Comments";
    }
}
