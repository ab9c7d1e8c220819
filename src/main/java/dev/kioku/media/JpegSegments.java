package dev.kioku.media;

/**
 * Whether a JPEG holds nothing but the picture: the segments an encoder needs (JFIF header, tables, frame, scans)
 * and nothing after its end. Such a file, already upright and within size, is stored as it came instead of
 * being encoded again, so an image that goes out in an export and comes back in loses nothing.
 */
final class JpegSegments {
    private JpegSegments() {
    }

    static boolean isBare(byte[] b) {
        int n = b.length;
        if (n < 4 || u(b, 0) != 0xFF || u(b, 1) != 0xD8 || u(b, n - 2) != 0xFF || u(b, n - 1) != 0xD9) return false;
        int i = 2;
        while (i + 2 <= n) {
            if (u(b, i) != 0xFF) return false;
            int marker = u(b, i + 1);
            if (marker == 0xD9) return i + 2 == n;
            if (i + 4 > n) return false;
            int length = (u(b, i + 2) << 8) | u(b, i + 3);
            if (length < 2 || i + 2 + length > n) return false;
            boolean allowed = switch (marker) {
                case 0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, 0xDA -> true;
                case 0xE0 -> length >= 7 && b[i + 4] == 'J' && b[i + 5] == 'F' && b[i + 6] == 'I' && b[i + 7] == 'F' && b[i + 8] == 0;
                default -> false;
            };
            if (!allowed) return false;
            i += 2 + length;
            if (marker == 0xDA) {
                // entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker
                while (i + 1 < n && !(u(b, i) == 0xFF && u(b, i + 1) != 0x00 && (u(b, i + 1) < 0xD0 || u(b, i + 1) > 0xD7))) i++;
            }
        }
        return false;
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
