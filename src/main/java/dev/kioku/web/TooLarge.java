package dev.kioku.web;

/** The request carries more than the server accepts (an upload over the size limit); answered 413 with the message. */
public final class TooLarge extends RuntimeException {
    public TooLarge(String message) {
        super(message, null, false, false);
    }
}
