package dev.kioku.comments;

import dev.kioku.content.Post;
import dev.kioku.mail.Mail;
import dev.kioku.mail.Outbox;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Comment emails, queued in the comment's own transaction: the post's author hears of every new comment (with
 * links to approve it or mark it spam when it waits), and readers who ticked "Notify me of follow-up comments"
 * hear of each comment published on that post afterwards, each email with a one-click unsubscribe link.
 */
final class MailNotifications implements Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(MailNotifications.class);
    private final Outbox outbox;
    private final Supplier<String> siteTitle;
    private final String base;
    private final Function<Post, String> permalinks;
    private final CommentStore store = new CommentStore();

    MailNotifications(Outbox outbox, Supplier<String> siteTitle, String publicBase, Function<Post, String> permalinks) {
        this.outbox = outbox;
        this.siteTitle = siteTitle;
        this.base = publicBase;
        this.permalinks = permalinks;
    }

    @Override
    public void received(Handle h, Comment c, Post post) {
        if ((c.staffId() != null && c.staffId() == post.authorId())) return;
        // read on the comment's own connection: this runs inside the write transaction, once per comment
        String authorEmail = store.staffEmail(h, post.authorId()).orElse(null);
        if (authorEmail == null || authorEmail.equalsIgnoreCase(c.authorEmail())) return;
        boolean held = c.status() == CommentStatus.PENDING;
        String admin = base + "/admin/comments/" + c.id() + "/";
        StringBuilder text = new StringBuilder()
                .append(held ? "A new comment on “" + post.title() + "” is waiting for your approval.\n\n"
                        : "A new comment on “" + post.title() + "”.\n\n")
                .append("Author: ").append(c.authorName()).append(" (").append(c.authorEmail()).append(")\n");
        if (c.authorUrl() != null) text.append("Website: ").append(c.authorUrl()).append('\n');
        text.append("Address: ").append(c.ip()).append("\n\n").append(c.bodyMd()).append("\n\n");
        if (held) {
            text.append("Approve it: ").append(admin).append("?action=approve\n")
                    .append("Mark it spam: ").append(admin).append("?action=spam\n");
        } else {
            text.append("See it: ").append(base).append("/comments/").append(c.id()).append("/\n")
                    .append("Mark it spam: ").append(admin).append("?action=spam\n");
        }
        text.append("All comments waiting: ").append(base).append("/admin/comments/\n");
        send(h, authorEmail, "[" + siteTitle.get() + "] " + (held ? "Please moderate: " : "New comment on ") + "“" + post.title() + "”",
                text.toString(), null);
    }

    @Override
    public void published(Handle h, Comment c, Post post) {
        Comment parent = c.parentId() == null ? null : store.byId(h, c.parentId()).orElse(null);
        for (CommentStore.Follower f : store.followers(h, post.id())) {
            if (f.email().equalsIgnoreCase(c.authorEmail())) continue;
            boolean replyToThem = parent != null && parent.authorEmail().equalsIgnoreCase(f.email());
            String subject = "[" + siteTitle.get() + "] " + (replyToThem ? c.authorName() + " replied to your comment on "
                    : "New comment on ") + "“" + post.title() + "”";
            String unsubscribe = base + "/comments/unsubscribe/" + f.token() + "/";
            String text = c.authorName() + (replyToThem ? " replied to your comment" : " commented") + " on “" + post.title() + "”:\n\n"
                    + c.bodyMd() + "\n\nRead it and reply: " + base + "/comments/" + c.id() + "/\n"
                    + "Post: " + base + permalinks.apply(post) + "\n\n"
                    + "You get these emails because you asked to be told of follow-up comments on this post.\n"
                    + "Stop them: " + unsubscribe + "\n";
            send(h, f.email(), subject, text, unsubscribe);
        }
    }

    /** An address our form took but mail cannot use (rare: non-ASCII local parts) is skipped, not fatal. */
    private void send(Handle h, String to, String subject, String text, String unsubscribe) {
        try {
            outbox.enqueue(h, new Mail(to, subject.replaceAll("[\\r\\n]+", " "), text, null, unsubscribe));
        } catch (IllegalArgumentException e) {
            LOG.warn("comment email not queued: {}", e.getMessage());
        }
    }
}
