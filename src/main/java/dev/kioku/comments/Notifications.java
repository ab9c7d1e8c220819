package dev.kioku.comments;

import dev.kioku.content.Post;
import org.jdbi.v3.core.Handle;

/**
 * Who hears about a comment, queued inside the transaction that stored it (so a rolled-back comment mails
 * nobody, and a committed one is never forgotten).
 */
public interface Notifications {
    /** Nobody hears anything (the CLI, and blogs without mail). */
    Notifications NONE = new Notifications() {
        @Override
        public void received(Handle h, Comment c, Post post) {
        }

        @Override
        public void published(Handle h, Comment c, Post post) {
        }
    };

    /**
     * Emails through the outbox: the post's author about new comments, followers about published ones.
     *
     * @param publicBase the site's absolute base address, for links in the emails
     */
    static Notifications byMail(dev.kioku.mail.Outbox outbox, java.util.function.Supplier<String> siteTitle,
                                String publicBase,
                                java.util.function.Function<Post, String> permalinks) {
        return new MailNotifications(outbox, siteTitle, publicBase, permalinks);
    }

    /** A reader's comment arrived (held or published, not spam; only when the settings say so): tell the post's author. */
    void received(Handle h, Comment c, Post post);

    /** A comment became public: tell the post's followers, except its own writer. */
    void published(Handle h, Comment c, Post post);
}
