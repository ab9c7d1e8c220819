package dev.kioku.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an outbound fetch may not reach, and how a host written as a number is read.
 *
 * <p>Why numbers are read here and not by {@link InetAddress}: browsers and curl read {@code 2130706433},
 * {@code 0x7f.1} and {@code 0177.0.0.1} as 127.0.0.1 (the WHATWG URL rules, inherited from
 * {@code inet_aton}); the JDK reads the first, fails on the second and reads the third as 177.0.0.1. A fetch
 * must connect to the address it checked, so such hosts are read once, the browsers' way, and never
 * handed to a resolver.
 */
final class Addresses {
    private record Range(byte[] prefix, int bits, String reason) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) return false;
            }
            return true;
        }
    }

    private static final List<Range> REFUSED = List.of(
            v4(0, 0, 8, "a 'this network' address (0.0.0.0/8)"),
            v4(10, 0, 8, "a private network address"),
            v4(100, 64, 10, "a carrier-grade NAT address"),
            v4(127, 0, 8, "a loopback address"),
            v4(169, 254, 16, "a link-local address (cloud metadata lives here)"),
            v4(172, 16, 12, "a private network address"),
            v4(192, 0, 24, "an IETF protocol address (192.0.0.0/24)"),
            v4(192, 168, 16, "a private network address"),
            v4(198, 18, 15, "a benchmarking network address"),
            v4(224, 0, 4, "a multicast address"),
            v4(240, 0, 4, "a reserved or broadcast address"),
            v6(0xfc00, 7, "a unique local (private) IPv6 address"),
            v6(0xfe80, 10, "a link-local IPv6 address"),
            v6(0xfec0, 10, "a site-local IPv6 address"),
            v6(0xff00, 8, "a multicast IPv6 address"));

    private Addresses() {
    }

    /** Why {@code address} may not be fetched from, or empty when it is a public address. */
    static Optional<String> refusal(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length == 16 && isZeroUpTo(a, 15) && (a[15] == 0 || a[15] == 1)) {
            return Optional.of(a[15] == 0 ? "the unspecified address" : "a loopback address");
        }
        Optional<byte[]> embedded = embeddedIpv4(a);
        if (embedded.isPresent()) return refusal(embedded.get()).map(r -> "an IPv6 form of " + r);
        return refusal(a);
    }

    private static Optional<String> refusal(byte[] a) {
        return REFUSED.stream().filter(r -> r.contains(a)).map(Range::reason).findFirst();
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}),
     * NAT64 ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:aabb:ccdd::}) address; those reach the IPv4
     * address on machines that translate them.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] a) {
        if (a.length != 16) return Optional.empty();
        boolean mapped = isZeroUpTo(a, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = isZeroUpTo(a, 12);
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && isZeroFrom(a, 4, 12);
        if (mapped || compatible || nat64) return Optional.of(Arrays.copyOfRange(a, 12, 16));
        if (a[0] == 0x20 && a[1] == 0x02) return Optional.of(Arrays.copyOfRange(a, 2, 6));
        return Optional.empty();
    }

    /**
     * Reads a host whose last label is a number the way browsers do: one to four parts, each decimal, octal
     * (leading 0) or hex (0x), the last filling the remaining bytes.
     *
     * @return empty when the host is a name to resolve
     * @throws UnknownHostException when it ends in a number but is not an IPv4 address (e.g. {@code 1.2.3.4.5})
     */
    static Optional<InetAddress> numericHost(String host) throws UnknownHostException {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (!isNumber(parts[parts.length - 1])) return Optional.empty();
        if (parts.length > 4) throw new UnknownHostException(host + " is not an IPv4 address");
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = parse(parts[i], host);
            boolean last = i == parts.length - 1;
            long limit = last ? 1L << (8 * (5 - parts.length)) : 256;
            if (part >= limit) throw new UnknownHostException(host + " is not an IPv4 address");
            value = last ? (value << (8 * (5 - parts.length))) | part : (value << 8) | part;
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return Optional.of(Inet4Address.getByAddress(host, bytes));
    }

    private static boolean isNumber(String label) {
        return label.matches("(0[xX][0-9a-fA-F]*|[0-9]+)");
    }

    private static long parse(String part, String host) throws UnknownHostException {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) return Long.parseLong(part.substring(1), 8);
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new UnknownHostException(host + " is not an IPv4 address");
        }
    }

    private static Range v4(int a, int b, int bits, String reason) {
        return new Range(new byte[] {(byte) a, (byte) b, 0, 0}, bits, reason);
    }

    private static Range v6(int firstTwoBytes, int bits, String reason) {
        byte[] prefix = new byte[16];
        prefix[0] = (byte) (firstTwoBytes >>> 8);
        prefix[1] = (byte) firstTwoBytes;
        return new Range(prefix, bits, reason);
    }

    private static boolean isZeroUpTo(byte[] a, int end) {
        return isZeroFrom(a, 0, end);
    }

    private static boolean isZeroFrom(byte[] a, int start, int end) {
        for (int i = start; i < end; i++) if (a[i] != 0) return false;
        return true;
    }
}
