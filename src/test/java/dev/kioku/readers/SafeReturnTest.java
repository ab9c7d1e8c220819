package dev.kioku.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a reader may be sent back after signing in: a path on this site, nothing else. */
class SafeReturnTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/2026/11/20/on-rain/", "/tag/tea/?page=2", "/2026/11/20/%E8%A8%98/", "/記/"})
    void paths_on_this_site_are_kept(String path) {
        assertEquals(path, Readers.safeReturn(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "//evil.example/x", "https://evil.example", "http://evil.example/",
            "/\\evil.example", "/\\\\evil", "\\\\evil.example", "javascript:alert(1)", "JavaScript:alert(1)",
            "data:text/html,x", "/x\r\nSet-Cookie: a=b", "/x\nLocation: //evil", "/x\ry", "/x\ty", "", "evil.example",
            " /x", "/x\\y", "mailto:a@b.example"})
    void anything_else_becomes_the_home_page(String path) {
        assertEquals("/", Readers.safeReturn(path));
    }

    @org.junit.jupiter.api.Test
    void null_is_the_home_page_and_a_fragment_is_dropped() {
        assertEquals("/", Readers.safeReturn(null));
        assertEquals("/post/", Readers.safeReturn("/post/#comment-3"));
    }
}
