package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cached page's validator is MurmurHash3 x64-128 and changes with every byte; gzip is made on demand. */
class ETagsTest {
    @Test
    void the_hash_is_murmur3_x64_128_as_published() {
        assertArrayEquals(new long[] {0, 0}, ETags.murmur3(new byte[0]));
        // Guava's Hashing.murmur3_128() gives 6c1b07bc7bbc4be347939ac4a93c437a: h1 and h2, little-endian
        assertArrayEquals(new long[] {0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L},
                ETags.murmur3("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void flipping_any_bit_of_a_page_changes_its_tag() {
        Set<String> seen = new HashSet<>();
        for (int length = 0; length <= 40; length++) {
            byte[] page = new byte[length];
            for (int i = 0; i < length; i++) page[i] = (byte) ('a' + i % 26);
            String tag = ETags.of(page);
            assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
            assertTrue(seen.add(tag), "length " + length);
            for (int i = 0; i < length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    page[i] ^= (byte) (1 << bit);
                    assertTrue(seen.add(ETags.of(page)), "length " + length + ", byte " + i + ", bit " + bit);
                    page[i] ^= (byte) (1 << bit);
                }
            }
            assertEquals(tag, ETags.of(page.clone()), "the same bytes, the same tag");
        }
    }

    @Test
    void gzip_is_made_when_first_asked_for_and_then_counts_in_the_pages_weight() {
        byte[] body = "<p>tea</p>".repeat(500).getBytes(StandardCharsets.UTF_8);
        CachedPage page = CachedPage.of(body, "text/html; charset=utf-8", Set.of("post:1"), Instant.EPOCH);
        int plain = page.weight();
        assertTrue(!page.hasGzip());

        byte[] zipped = page.gzip();

        assertTrue(page.hasGzip());
        assertEquals(plain + zipped.length, page.weight());
        assertTrue(zipped == page.gzip(), "kept with the page");
        assertNotEquals(ETags.of(body), ETags.of(zipped));
    }
}
