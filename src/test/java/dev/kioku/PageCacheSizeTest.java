package dev.kioku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.config.ConfigException;
import org.junit.jupiter.api.Test;

/** How many bytes of rendered pages the cache keeps: a fifth of the heap unless KIOKU_PAGE_CACHE_MB says. */
class PageCacheSizeTest {
    private static final long MB = 1024 * 1024;

    @Test
    void without_a_setting_it_is_a_fifth_of_the_heap() {
        assertEquals(40 * MB, App.pageCacheBytes(null, 200 * MB));
        assertEquals(32 * MB, App.pageCacheBytes("", 160 * MB));
        assertEquals(200 * MB, App.pageCacheBytes(" ", 1000 * MB));
    }

    @Test
    void a_tiny_heap_still_gets_eight_megabytes() {
        assertEquals(8 * MB, App.pageCacheBytes(null, 30 * MB));
    }

    @Test
    void the_setting_is_megabytes_whatever_the_heap() {
        assertEquals(64 * MB, App.pageCacheBytes("64", 192 * MB));
        assertEquals(1 * MB, App.pageCacheBytes(" 1 ", 4096 * MB));
    }

    @Test
    void a_setting_that_is_not_a_positive_number_names_itself() {
        for (String bad : new String[] {"0", "-5", "lots", "1.5", "64MB"}) {
            var e = assertThrows(ConfigException.class, () -> App.pageCacheBytes(bad, 192 * MB), bad);
            assertTrue(e.getMessage().contains("KIOKU_PAGE_CACHE_MB") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
