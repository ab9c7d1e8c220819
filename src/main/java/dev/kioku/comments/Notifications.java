package dev.kioku.comments;

import dev.kioku.content.Post;
import org.jdbi.v3.core.Handle;

/**
 * Who hears about a comment, queued inside the transaction that stored it (so a rolled-back comment mails
 * nobody, and a committed one is never forgotten).
 */
interface Notifications {
    /** Nobody hears anything (the CLI, and blogs without mail). */
    Notifications NONE = new Notifications() {
        @Override
        public void received(Handle h, Comment c, Post post) {
        }

        @Override
        public void published(Handle h, Comment c, Post post) {
        }
    };

    /** A reader's comment arrived (held or published, not spam): tell the post's author. */
    void received(Handle h, Comment c, Post post);

    /** A comment became public: tell the post's followers, except its own writer. */
    void published(Handle h, Comment c, Post post);
}
