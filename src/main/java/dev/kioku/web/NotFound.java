package dev.kioku.web;

/** The thing asked for does not exist (or is not public); answered with the 404 page. */
public final class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what, null, false, false);
    }
}
