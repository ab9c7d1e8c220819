package dev.kioku.web;

/** The thing asked for lives at another URL now; answered 301 with a Location. */
public final class Redirect extends RuntimeException {
    private final String location;

    public Redirect(String location) {
        super(location, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
