package dev.kioku.net;

import java.net.URI;
import java.util.Locale;

/**
 * A URL reduced to what one request needs.
 *
 * @param https         true for https
 * @param host          the host to resolve and to name in TLS, without IPv6 brackets
 * @param port          the TCP port, the scheme's default filled in
 * @param hostHeader    the {@code Host} header: the host as written, with the port when it is not the default
 * @param requestTarget the raw path and query, at least {@code /}
 */
record Target(boolean https, String host, int port, String hostHeader, String requestTarget) {

    /** @throws BlockedAddress when the URL is not http(s), has no host, or carries user info */
    static Target of(URI uri) throws BlockedAddress {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        String written = uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddress(written, "only http and https URLs are fetched, not '" + scheme + ":'");
        }
        if (authority == null || authority.isEmpty()) throw new BlockedAddress(null, "the URL names no host");
        if (authority.contains("@")) throw new BlockedAddress(written, "URLs with user info (user@host) are not fetched");
        int port = uri.getPort();
        if (written == null) {
            // java.net.URI leaves hosts such as 0x7f.1 or a_b.example unparsed: split host and port ourselves
            int colon = authority.lastIndexOf(':');
            boolean hasPort = colon > 0 && authority.substring(colon + 1).matches("[0-9]{1,5}");
            written = hasPort ? authority.substring(0, colon) : authority;
            port = hasPort ? Integer.parseInt(authority.substring(colon + 1)) : -1;
            if (written.contains(":")) throw new BlockedAddress(written, "not a host name or address");
        }
        if (written.isEmpty()) throw new BlockedAddress(null, "the URL names no host");
        boolean https = scheme.equals("https");
        int defaultPort = https ? 443 : 80;
        if (port > 65535) throw new BlockedAddress(written, "port " + port + " does not exist");
        String host = written.startsWith("[") && written.endsWith("]") ? written.substring(1, written.length() - 1) : written;
        String hostHeader = port < 0 || port == defaultPort ? written : written + ":" + port;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new Target(https, host, port < 0 ? defaultPort : port, hostHeader, path + query);
    }

    /** True when both name the same scheme, host and port, so credentials may follow a redirect between them. */
    boolean sameOrigin(Target other) {
        return https == other.https && host.equalsIgnoreCase(other.host) && port == other.port;
    }
}
