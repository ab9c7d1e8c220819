package dev.kioku.authors;

/** A signed-in staff member, as the admin sees them. */
public record Staff(long id, String email, String displayName, Role role) {
    public boolean can(Permission p) {
        return role.can(p);
    }

    /** True when this person may edit a post written by {@code authorId}. */
    public boolean mayEdit(long authorId) {
        return authorId == id || can(Permission.EDIT_ALL);
    }
}
