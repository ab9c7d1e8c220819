package dev.kioku.content;

/**
 * A save was made on an older version of a post than the one stored: someone else saved in between. The
 * save was not applied; {@link #current()} is the post as it is now.
 */
public final class EditConflict extends RuntimeException {
    private final transient Post current;

    public EditConflict(Post current) {
        super("post " + current.id() + " was saved by someone else (now version " + current.version() + ")", null, false, false);
        this.current = current;
    }

    public Post current() {
        return current;
    }
}
