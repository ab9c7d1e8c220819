package dev.kioku.migrate;

/** An export that cannot be read: not XML, a DOCTYPE, cut short. The message names the line; nothing was imported. */
public final class WxrException extends RuntimeException {
    public WxrException(String message) {
        super(message);
    }
}
