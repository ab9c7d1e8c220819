package dev.kioku.authors;

/**
 * Staff roles, as WordPress users know them (owner = administrator); mirrored by a CHECK in SQL.
 * Contributors write drafts, authors publish their own posts and upload media, editors handle everyone's
 * posts, pages and series, the owner also runs settings and accounts.
 */
public enum Role {
    OWNER, EDITOR, AUTHOR, CONTRIBUTOR;

    String sql() {
        return name().toLowerCase();
    }

    public boolean can(Permission p) {
        return switch (p) {
            case WRITE_OWN -> true;
            case PUBLISH_OWN -> this != CONTRIBUTOR;
            case EDIT_ALL -> this == OWNER || this == EDITOR;
            case ADMINISTER -> this == OWNER;
        };
    }

    /** The role named in a form or on the command line, case-insensitive; throws a message listing the choices. */
    public static Role parse(String text) {
        for (Role r : values()) if (r.name().equalsIgnoreCase(text == null ? "" : text.strip())) return r;
        throw new IllegalArgumentException("role must be one of owner, editor, author, contributor; got '" + text + "'");
    }

    /** For screens: "Owner", "Editor"… */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
