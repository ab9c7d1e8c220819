package dev.kioku.db;

/** The database engines Kioku runs on. */
public enum Engine {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String folder;

    Engine(String folder) {
        this.folder = folder;
    }

    /** Folder name under {@code db/migration/} holding this engine's migrations. */
    public String folder() {
        return folder;
    }
}
