package dev.kioku.authors;

/** Staff roles, as WordPress users know them; mirrored by a CHECK in SQL. */
public enum Role {
    OWNER, EDITOR, AUTHOR, CONTRIBUTOR;

    public String sql() {
        return name().toLowerCase();
    }
}
