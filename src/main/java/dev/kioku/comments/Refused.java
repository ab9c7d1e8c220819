package dev.kioku.comments;

/**
 * A comment that is not taken, for a reason that is not a field's fault: too fast, too many, said already.
 * The form is shown again with the message and everything typed; {@code status} is 429 for limits, else 422.
 */
public final class Refused extends RuntimeException {
    private final int status;

    public Refused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
