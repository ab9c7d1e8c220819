package dev.kioku.web;

/** The request is not allowed (wrong role, missing CSRF token); answered 403 with the message. */
public final class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
