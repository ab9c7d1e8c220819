package dev.kioku.content;

/** Posts are dated and listed; pages (About, Contact) stand alone. Mirrored by a CHECK in SQL. */
public enum Kind {
    POST, PAGE;

    String sql() {
        return name().toLowerCase();
    }
}
