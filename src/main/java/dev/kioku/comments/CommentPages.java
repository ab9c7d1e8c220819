package dev.kioku.comments;

import dev.kioku.admin.Fields;
import dev.kioku.site.Site;
import dev.kioku.web.Meta;

/** View records of the reader pages around comments (none of them cached: each is one reader's). */
public final class CommentPages {
    private CommentPages() {
    }

    /** The no-script reply page, the refused reply form, and page 2+ of a post's comments. */
    public record Thread(Site site, Meta meta, String postTitle, String postUrl, CommentSection section) {
    }

    /** A commenter fixing their comment in the first minutes. */
    public record Edit(Site site, Meta meta, String postTitle, String postUrl, CommentView comment, Fields form,
                       String action, String deleteAction, String until) {
    }

    /** A sentence and, optionally, one button (unsubscribe, deleted, gone). */
    public record Notice(Site site, Meta meta, String heading, String message, String action, String button,
                         String backUrl, String backLabel) {
    }

    /**
     * A signed-in reader's "your data" page.
     *
     * @param email the address their provider gave, or null
     */
    public record YourData(Site site, Meta meta, String name, String providerLabel, String email, java.util.List<OwnComment> comments,
                           String keepCommentsUrl, String withCommentsUrl) {
    }

    /**
     * One of their comments.
     *
     * @param url where it is shown (or its post, while held), or null when readers cannot see the post
     */
    public record OwnComment(long id, String postTitle, String url, String status, String date, String isoDate, String excerpt,
                             String deleteUrl) {
    }
}
