package dev.kioku.webmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kioku.net.HttpFetcher;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Endpoint discovery as the W3C recommendation (and webmention.rocks' discovery tests) ask. */
class DiscoveryTest {
    private static final URI PAGE = URI.create("https://remote.example/posts/1/");

    private static Optional<String> endpoint(Map<String, List<String>> headers, String html) {
        HttpFetcher.Response r = new HttpFetcher.Response(200, HttpHeaders.of(headers, (n, v) -> true), html, PAGE);
        return Discovery.endpoint(r).map(URI::toString);
    }

    @Test
    void theLinkHeaderComesFirstInEveryForm() {
        String html = "<link rel=webmention href=/from-html/>";
        assertEquals(Optional.of("https://remote.example/wm"), endpoint(Map.of("Link", List.of("</wm>; rel=\"webmention\"")), html));
        assertEquals(Optional.of("https://remote.example/wm"), endpoint(Map.of("Link", List.of("</wm>; rel=webmention")), html));
        assertEquals(Optional.of("https://remote.example/posts/1/wm?a=1&b=2"),
                endpoint(Map.of("Link", List.of("<wm?a=1&b=2>; rel=\"other webmention\"")), html));
        assertEquals(Optional.of("https://remote.example/second"),
                endpoint(Map.of("Link", List.of("</first>; rel=\"me\", </second>; rel=\"webmention\"")), html));
        assertEquals(Optional.of("https://other.example/wm"),
                endpoint(Map.of("Link", List.of("</x>; rel=\"not-webmention\"", "<https://other.example/wm>; REL=\"WebMention\"")), html));
    }

    @Test
    void thenTheFirstLinkOrAnchorElementInDocumentOrder() {
        Map<String, List<String>> html = Map.of("Content-Type", List.of("text/html; charset=utf-8"));
        assertEquals(Optional.of("https://remote.example/a/"),
                endpoint(html, "<a rel=webmention href=/a/>a</a><link rel=webmention href=/link/>"));
        assertEquals(Optional.of("https://remote.example/posts/1/"), endpoint(html, "<link rel=webmention href=\"\">"));
        assertEquals(Optional.of("https://remote.example/posts/wm"), endpoint(html, "<link rel=\"nofollow webmention\" href=\"../wm\">"));
        assertEquals(Optional.of("https://remote.example/real/"),
                endpoint(html, "<!-- <link rel=webmention href=/commented/> --><link rel=webmention><link rel=webmention href=/real/>"));
        assertEquals(Optional.empty(), endpoint(html, "<link rel=stylesheet href=/x.css><a href=/wm>webmention</a>"));
        assertEquals(Optional.empty(), endpoint(Map.of("Content-Type", List.of("application/json")), "<link rel=webmention href=/wm>"));
        assertEquals(Optional.empty(), endpoint(html, "<link rel=webmention href=\"mailto:a@b.example\">"));
    }
}
