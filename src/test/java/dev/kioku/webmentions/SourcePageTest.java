package dev.kioku.webmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a source page is taken to say about the post: linking at all, the kind, the author, the text. */
class SourcePageTest {
    private static final URI PAGE = URI.create("https://remote.example/notes/7");
    private static final List<URI> TARGET = List.of(URI.create("https://blog.example/2026/11/20/on-rain/"));

    private static Optional<SourcePage.Entry> read(String html) {
        return SourcePage.read(html, PAGE, TARGET);
    }

    @Test
    void aPageMustLinkToTheTargetSomewhere() {
        assertEquals(Optional.empty(), read("<p>On rain, see https://blog.example/2026/11/20/on-rain/ (not a link)</p>"));
        assertEquals(Optional.empty(), read("<a href=\"https://blog.example/2026/11/20/on-rain-2/\">close</a>"));
        assertTrue(read("<a href=\"HTTPS://Blog.Example:443/2026/11/20/on-rain#comments\">same page</a>").isPresent());
        assertTrue(read("<img src=\"https://blog.example/2026/11/20/on-rain/\">").isPresent());
    }

    @Test
    void theEntrysPropertyThatNamesTheTargetGivesTheKind() {
        String t = TARGET.get(0).toString();
        assertEquals(MentionKind.LIKE, read("<div class=h-entry><a class=u-like-of href=\"" + t + "\">♥</a></div>").orElseThrow().kind());
        assertEquals(MentionKind.REPOST, read("<div class=h-entry><a class=u-repost-of href=\"" + t + "\">↻</a></div>").orElseThrow().kind());
        assertEquals(MentionKind.REPLY, read("<div class=h-entry><div class=\"u-in-reply-to h-cite\"><a class=u-url href=\"" + t
                + "\">On rain</a></div></div>").orElseThrow().kind());
        assertEquals(MentionKind.MENTION, read("<div class=h-entry><a class=u-like-of href=\"https://x.example/\">x</a> <a href=\""
                + t + "\">and this</a></div>").orElseThrow().kind());
        assertEquals(MentionKind.MENTION, read("<a href=\"" + t + "\">no microformats</a>").orElseThrow().kind());
    }

    @Test
    void authorDateAndTextArePlainAndShort() {
        String long_ = "word ".repeat(300);
        SourcePage.Entry e = read("""
                <article class="h-entry"><div class="p-author h-card"><img class="u-photo" src="/me.png">
                <a class="p-name u-url" href="/about">  Ann\u202E Lee </a></div>
                <time class="dt-published" datetime="2026-11-20 09:30:00+09:00">x</time>
                <a class="u-in-reply-to" href="https://blog.example/2026/11/20/on-rain/">re</a>
                <div class="e-content"><p>%s</p><script>alert(1)</script></div></article>""".formatted(long_)).orElseThrow();
        assertEquals("Ann Lee", e.authorName());
        assertEquals("https://remote.example/about", e.authorUrl());
        assertEquals("https://remote.example/me.png", e.authorPhoto());
        assertEquals(Instant.parse("2026-11-20T00:30:00Z"), e.published());
        assertEquals(SourcePage.MAX_CONTENT, e.content().codePointCount(0, e.content().length()));
        assertTrue(e.content().endsWith("…") && !e.content().contains("alert"), e.content());
        assertNull(read("<div class=h-entry><a href=\"https://blog.example/2026/11/20/on-rain/\">x</a></div>").orElseThrow().authorName());
    }
}
