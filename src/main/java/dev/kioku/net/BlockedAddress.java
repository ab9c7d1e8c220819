package dev.kioku.net;

import java.io.IOException;

/**
 * An outbound fetch was refused before a byte was sent: the scheme is not http(s), or the host is (or
 * resolves to) an address on this machine or a private network. The message names the host and the reason,
 * never the full URL, whose query may carry a secret.
 */
public final class BlockedAddress extends IOException {
    private final String host;

    BlockedAddress(String host, String reason) {
        super("refused " + (host == null || host.isEmpty() ? "a URL without a host" : host) + ": " + reason);
        this.host = host == null ? "" : host;
    }

    /** The host as written in the refused URL; empty when it had none. */
    public String host() {
        return host;
    }
}
