package dev.kioku.content;

import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.web.Forbidden;

/**
 * Who may do what with a post, as WordPress users expect: contributors edit their own drafts, authors edit
 * and publish their own posts, editors and the owner handle everyone's posts and all pages.
 */
final class EditRules {
    private EditRules() {
    }

    /** Pages are run by editors and the owner; posts by everyone. */
    static void requireSection(Staff me, Kind kind) {
        if (kind == Kind.PAGE && !me.can(Permission.EDIT_ALL)) {
            throw new Forbidden("Pages are edited by editors and the owner; your role is " + me.role().label() + ".");
        }
    }

    static boolean mayEdit(Staff me, Post p) {
        if (p.kind() == Kind.PAGE || p.authorId() != me.id()) return me.can(Permission.EDIT_ALL);
        return me.can(Permission.PUBLISH_OWN) || p.status() == Status.DRAFT;
    }

    static void requireEdit(Staff me, Post p) {
        requireSection(me, p.kind());
        if (mayEdit(me, p)) return;
        throw new Forbidden(p.authorId() != me.id()
                ? "This post belongs to another writer; your role (" + me.role().label() + ") edits only your own."
                : "This post is no longer a draft; contributors edit their drafts only. Ask an editor to change it.");
    }

    /** Publish, schedule and unpublish: authors their own posts, editors anything. */
    static boolean mayPublish(Staff me, Post p) {
        return mayEdit(me, p) && (me.can(Permission.EDIT_ALL) || (p.authorId() == me.id() && me.can(Permission.PUBLISH_OWN)));
    }

    /** Whether a new post by {@code me} could be published by them (the editor shows the buttons). */
    static boolean mayPublishNew(Staff me) {
        return me.can(Permission.PUBLISH_OWN);
    }

    static void requirePublish(Staff me, Post p) {
        if (!mayPublish(me, p)) {
            throw new Forbidden("Your role (" + me.role().label() + ") does not publish, schedule or unpublish this. "
                    + "Save it as a draft and ask an editor.");
        }
    }
}
