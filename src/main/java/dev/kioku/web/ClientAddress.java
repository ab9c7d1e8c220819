package dev.kioku.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reader's address as {@code ctx.ip()} reports it everywhere (comment limits, sign-in throttling): the
 * TCP peer, or behind the operator's own proxy ({@code trust-proxy}), the address that proxy appended to
 * {@code X-Forwarded-For}.
 *
 * <p>Why the right-most entry only: each proxy appends the address it received the request from, so every
 * entry left of the last one was written by the client or by proxies we know nothing of, and can be forged to
 * dodge a limit. When the last entry is not a plain IP address the proxy is not doing what we expect, and the
 * peer is used: one shared limit for everyone is safer than a limit a reader chooses.
 */
final class ClientAddress {
    private static final String HEADER = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    /** The address to treat as the reader's; never null for a request that came over TCP. */
    static String of(Context ctx, boolean trustProxy) {
        String peer = ctx.req().getRemoteAddr();
        if (!trustProxy) return peer;
        return lastForwarded(Collections.list(ctx.req().getHeaders(HEADER))).orElse(peer);
    }

    /**
     * The last entry of the {@code X-Forwarded-For} lines, in the order received.
     *
     * @return empty when there is no line or the last entry is not an IPv4 or IPv6 address (a name, a port, junk)
     */
    static Optional<String> lastForwarded(List<String> lines) {
        if (lines.isEmpty()) return Optional.empty();
        String line = lines.getLast();
        String last = line.substring(line.lastIndexOf(',') + 1).strip();
        return isAddress(last) ? Optional.of(last) : Optional.empty();
    }

    private static boolean isAddress(String text) {
        if (IPV4.matcher(text).matches()) return true;
        if (!text.contains(":") || !IPV6_CHARACTERS.matcher(text).matches()) return false;
        try {
            // text holds a colon and only hex digits, colons and dots: the JDK parses it as an IPv6 literal,
            // never as a name to look up
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
