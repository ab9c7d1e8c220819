package dev.kioku.webmentions;

/** A webmention request that is not taken: 400 (bad source or target) or 429 (too many), with a plain reason. */
final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
