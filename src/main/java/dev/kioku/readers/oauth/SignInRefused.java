package dev.kioku.readers.oauth;

/**
 * A sign-in that must not go on: the reader sees {@link #getMessage()} on a 400 page and gets no session. The
 * message is written for the reader; it never carries a token or secret.
 */
final class SignInRefused extends RuntimeException {
    SignInRefused(String message) {
        super(message);
    }

    SignInRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
