package dev.kioku.db;

/** The database could not be opened or migrated; the message is meant for an operator. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
