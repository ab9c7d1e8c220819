package dev.kioku.content;

import org.jdbi.v3.core.Handle;

/**
 * Told of every change to a post or page, inside the change's own transaction, with the post as it was and
 * as it is now.
 *
 * <p>Why inside the transaction: work a change starts (mail to subscribers when a post first goes public,
 * webmentions to the pages it links) is queued as rows in the same commit, so it happens exactly when the
 * change does, and a crash can lose neither. A listener only writes queue rows; slow work (mail, HTTP) runs
 * later in a job. A listener that throws rolls the change back.
 */
@FunctionalInterface
public interface PostListener {
    void changed(Handle h, Post before, Post after);
}
